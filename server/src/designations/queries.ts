import type { ObjectId } from "mongodb";
import { organisationName } from "../organisations/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { type IsoDate, romeDate } from "../shared/dates.ts";
import { AppError } from "../shared/errors.ts";
import { type PageQuery, paginate } from "../shared/pagination.ts";
import { requireActor } from "../shared/policy.ts";
import { getTable } from "../tables/queries.ts";
import type { DesignationDoc } from "./documents.ts";
import { convenesTo, inForceOn, notEndedBefore, standingInForceOn } from "./in-force.ts";

/** Large enough that a table's roster comes back in one round trip instead of 101 documents at a time. */
const ONE_BATCH = 5000;

/** Finds a designation or throws not_found. */
export async function loadDesignation(ctx: Ctx, id: ObjectId): Promise<DesignationDoc> {
  const doc = await ctx.c.designations.findOne({ _id: id });
  if (!doc) throw new AppError("not_found", { entity: "designation", id: id.toHexString() });
  return doc;
}

/** The referents sitting on a table on a day (default today), for any logged-in person. */
export async function listTableDesignations({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tableId: ObjectId; on?: IsoDate };
}) {
  requireActor(ctx);
  const table = await getTable({ ctx, input: { id: input.tableId } });
  const on = input.on ?? romeDate(ctx.now());
  const items = await ctx.c.designations
    .find({ tableId: table._id, ...inForceOn(on) })
    .sort({ organisationId: 1, from: 1, _id: 1 })
    .toArray();
  return { on, items };
}

/** An organisation's designations, past and present, on every table (newest first). */
export async function listOrganisationDesignations({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: PageQuery & { organisationId: ObjectId };
}) {
  requireActor(ctx);
  if ((await organisationName(ctx, input.organisationId)) === null)
    throw new AppError("not_found", { entity: "organisation", id: input.organisationId.toHexString() });
  return paginate(ctx.c.designations, { organisationId: input.organisationId }, input, "newest_first");
}

/**
 * True when the person already represents the organisation on the table for part of [from, to]
 * (`to` null = open-ended). The unique index only catches identical starts, so overlaps are checked here.
 */
export async function overlapsExisting(
  ctx: Ctx,
  d: { tableId: ObjectId; organisationId: ObjectId; personId: ObjectId; from: IsoDate; to: IsoDate | null },
): Promise<boolean> {
  const found = await ctx.c.designations.findOne(
    {
      tableId: d.tableId,
      organisationId: d.organisationId,
      personId: d.personId,
      ...(d.to === null ? {} : { from: { $lte: d.to } }),
      ...notEndedBefore(d.from),
    },
    { projection: { _id: 1 } },
  );
  return found !== null;
}

/** Who holds a standing designation on the table on a day, for which organisation (no access check). */
export function standingReferentsOn(
  ctx: Ctx,
  tableId: ObjectId,
  on: IsoDate,
): Promise<{ personId: ObjectId; organisationId: ObjectId }[]> {
  return ctx.c.designations
    .find({ tableId, ...standingInForceOn(on) })
    .project<{ personId: ObjectId; organisationId: ObjectId }>({ personId: 1, organisationId: 1 })
    .toArray();
}

/**
 * The organisations the person represents on the day: one id per standing designation in force (repeats
 * possible; no access check: for building their roles). Takes only the collections, so the actor can be
 * loaded before there is a context to act in.
 */
export async function organisationsRepresentedBy(
  ctx: Pick<Ctx, "c">,
  personId: ObjectId,
  on: IsoDate,
): Promise<ObjectId[]> {
  const found = await ctx.c.designations
    .find({ personId, ...standingInForceOn(on) })
    .project<{ organisationId: ObjectId }>({ organisationId: 1 })
    .toArray();
  return found.map((d) => d.organisationId);
}

/**
 * True when the person holds a designation in one of the agreements not ended before the day (in force
 * then or from a later day); false without a query for no agreements (no access check).
 */
export async function holdsDesignationInAgreements(
  ctx: Ctx,
  personId: ObjectId,
  agreementIds: ObjectId[],
  on: IsoDate,
): Promise<boolean> {
  if (agreementIds.length === 0) return false;
  const found = await ctx.c.designations.findOne(
    { personId, agreementId: { $in: agreementIds }, ...notEndedBefore(on) },
    { projection: { _id: 1 } },
  );
  return found !== null;
}

/** Every designation of the person, past, present and future, of any kind (no access check). */
export function designationsOf(ctx: Ctx, personId: ObjectId): Promise<DesignationDoc[]> {
  return ctx.c.designations.find({ personId }).toArray();
}

/**
 * The standing designations of these people not ended before the day (in force then or from a later day);
 * no query for no people (no access check).
 */
export async function standingDesignationsOf(
  ctx: Ctx,
  personIds: ObjectId[],
  on: IsoDate,
): Promise<DesignationDoc[]> {
  if (personIds.length === 0) return [];
  return ctx.c.designations
    .find({ personId: { $in: personIds }, kind: { $ne: "single_meeting" }, ...notEndedBefore(on) })
    .toArray();
}

/**
 * The designations on the table in force on the day that convene their person to the sitting (filters
 * twinned with the rule's predicates in in-force.ts), with only the `fields` asked for (and `_id`), in one
 * round trip (no access check).
 */
export function designationsConvening<F extends Exclude<keyof DesignationDoc, "_id">>(
  ctx: Ctx,
  input: { tableId: ObjectId; on: IsoDate; meetingRef: string },
  fields: Record<F, 1>,
): Promise<Pick<DesignationDoc, "_id" | F>[]> {
  return ctx.c.designations
    .find(
      { tableId: input.tableId, $and: [inForceOn(input.on), convenesTo(input.meetingRef)] },
      { batchSize: ONE_BATCH },
    )
    .project<Pick<DesignationDoc, "_id" | F>>(fields)
    .toArray();
}

/** The standing designations on the table in force on a day, with their first day (no access check). */
export function standingDesignationsOn(
  ctx: Ctx,
  tableId: ObjectId,
  on: IsoDate,
): Promise<{ organisationId: ObjectId; from: IsoDate }[]> {
  return ctx.c.designations
    .find({ tableId, ...standingInForceOn(on) })
    .project<{ organisationId: ObjectId; from: IsoDate }>({ organisationId: 1, from: 1 })
    .toArray();
}

/**
 * Who holds a standing designation in force on the day for any of these organisations, on any table of
 * the agreement (no access check: for notices to an organisation's referents); no query for none.
 */
export async function standingReferentsOfOrganisations(
  ctx: Ctx,
  input: { agreementId: ObjectId; organisationIds: ObjectId[]; on: IsoDate },
): Promise<{ personId: ObjectId; organisationId: ObjectId }[]> {
  if (input.organisationIds.length === 0) return [];
  return ctx.c.designations
    .find({
      agreementId: input.agreementId,
      organisationId: { $in: input.organisationIds },
      ...standingInForceOn(input.on),
    })
    .project<{ personId: ObjectId; organisationId: ObjectId }>({ personId: 1, organisationId: 1 })
    .toArray();
}
