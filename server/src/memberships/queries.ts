import type { ObjectId } from "mongodb";
import { getAgreement } from "../agreements/queries.ts";
import { organisationName, organisationNames } from "../organisations/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { type IsoDate, romeDate } from "../shared/dates.ts";
import { AppError } from "../shared/errors.ts";
import { type PageQuery, paginate } from "../shared/pagination.ts";
import type { TableDoc } from "../tables/documents.ts";
import { seatsOnTableFilter } from "../tables/sits-on-table.ts";
import type { MembershipDoc } from "./documents.ts";
import { type membershipStatus, presentMembership, statusFilter } from "./status.ts";

/** Large enough that a table's roster comes back in one round trip instead of 101 documents at a time. */
const ONE_BATCH = 5000;

async function withNames(ctx: Ctx, memberships: MembershipDoc[], on: IsoDate) {
  const ids = [...new Set(memberships.map((m) => m.organisationId))];
  const names = await organisationNames(ctx, ids);
  return memberships.map((m) => presentMembership(m, names.get(m.organisationId.toHexString()) ?? "", on));
}

/** The agreement's memberships with their status on a day (public: membership is a public act). */
export async function listAgreementMembers({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { agreementId: ObjectId; on?: IsoDate; status?: ReturnType<typeof membershipStatus> } & PageQuery;
}) {
  await getAgreement({ ctx, input: { id: input.agreementId } });
  const on = input.on ?? romeDate(ctx.now());
  const filter = { agreementId: input.agreementId, ...(input.status ? statusFilter(input.status, on) : {}) };
  const page = await paginate(ctx.c.memberships, filter, input);
  return { items: await withNames(ctx, page.items, on), nextCursor: page.nextCursor };
}

/** An organisation's whole adhesion/withdrawal history across agreements. */
export async function listOrganisationMemberships({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { organisationId: ObjectId; on?: IsoDate };
}) {
  if ((await organisationName(ctx, input.organisationId)) === null) {
    throw new AppError("not_found", { entity: "organisation" });
  }
  const memberships = await ctx.c.memberships
    .find({ organisationId: input.organisationId })
    .sort({ _id: 1 })
    .toArray();
  return { items: await withNames(ctx, memberships, input.on ?? romeDate(ctx.now())) };
}

/** The organisation (its name), or not_found. */
export async function requireOrganisation(ctx: Ctx, id: ObjectId) {
  const name = await organisationName(ctx, id);
  if (name === null) throw new AppError("not_found", { entity: "organisation", id: id.toHexString() });
  return { _id: id, name };
}

/** The organisation's latest membership of the agreement (highest `seq`), current or withdrawn. */
export async function latestMembership(ctx: Ctx, agreementId: ObjectId, organisationId: ObjectId) {
  return ctx.c.memberships.find({ agreementId, organisationId }).sort({ seq: -1 }).limit(1).next();
}

/** Every membership of the organisation, in every agreement, current or withdrawn. */
export function membershipsOf(ctx: Ctx, organisationId: ObjectId): Promise<MembershipDoc[]> {
  return ctx.c.memberships.find({ organisationId }).toArray();
}

/** Every membership of these organisations, in every agreement, current or withdrawn; no query for none. */
export async function membershipsOfOrganisations(
  ctx: Ctx,
  organisationIds: ObjectId[],
): Promise<MembershipDoc[]> {
  if (organisationIds.length === 0) return [];
  return ctx.c.memberships.find({ organisationId: { $in: organisationIds } }).toArray();
}

/** The memberships that seat their organisation on the table that day (the rule is tables/sits-on-table.ts). */
export function seatingMemberships(ctx: Ctx, table: TableDoc, on: IsoDate): Promise<MembershipDoc[]> {
  return ctx.c.memberships.find(seatsOnTableFilter(table, on)).toArray();
}

/**
 * The same memberships (of the `organisationIds` only, when given), with only the `fields` asked for
 * (and `_id`), in one round trip.
 */
export async function seatingMembershipFields<F extends Exclude<keyof MembershipDoc, "_id">>(
  ctx: Ctx,
  table: TableDoc,
  input: { on: IsoDate; organisationIds?: ObjectId[] },
  fields: Record<F, 1>,
): Promise<Pick<MembershipDoc, "_id" | F>[]> {
  const { organisationIds } = input;
  if (organisationIds?.length === 0) return [];
  return ctx.c.memberships
    .find(
      {
        ...seatsOnTableFilter(table, input.on),
        ...(organisationIds && { organisationId: { $in: organisationIds } }),
      },
      { batchSize: ONE_BATCH },
    )
    .project<Pick<MembershipDoc, "_id" | F>>(fields)
    .toArray();
}

/** The organisations sitting on a table on a day: every operative member for open tables, founders only for restricted ones. */
export async function tableMemberIds(ctx: Ctx, table: TableDoc, on: IsoDate): Promise<ObjectId[]> {
  const rows = await seatingMembershipFields(ctx, table, { on }, { organisationId: 1 });
  return rows.map((row) => row.organisationId);
}

/** True when the organisation sits on the table on that day. */
export async function organisationSitsOnTable(
  ctx: Ctx,
  table: TableDoc,
  organisationId: ObjectId,
  on: IsoDate,
): Promise<boolean> {
  const found = await ctx.c.memberships.findOne(
    { ...seatsOnTableFilter(table, on), organisationId },
    { projection: { _id: 1 } },
  );
  return found !== null;
}

/** Every membership of the agreement, current, pending or withdrawn (no access check: for deadlines). */
export function membershipsOfAgreement(ctx: Ctx, agreementId: ObjectId): Promise<MembershipDoc[]> {
  return ctx.c.memberships.find({ agreementId }).sort({ _id: 1 }).toArray();
}
