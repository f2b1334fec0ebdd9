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

/** The memberships that seat their organisation on the table that day (the rule is tables/sits-on-table.ts). */
export function seatingMemberships(ctx: Ctx, table: TableDoc, on: IsoDate): Promise<MembershipDoc[]> {
  return ctx.c.memberships.find(seatsOnTableFilter(table, on)).toArray();
}
