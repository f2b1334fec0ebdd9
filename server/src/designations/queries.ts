import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { type IsoDate, romeDate } from "../shared/dates.ts";
import { AppError } from "../shared/errors.ts";
import { type PageQuery, paginate } from "../shared/pagination.ts";
import { requireActor } from "../shared/policy.ts";
import type { TableDoc } from "../tables/documents.ts";
import type { DesignationDoc } from "./documents.ts";
import { inForceOn, notEndedBefore, standingInForceOn } from "./in-force.ts";

/** Finds a table or throws not_found. */
export async function loadTable(ctx: Ctx, id: ObjectId): Promise<TableDoc> {
  const table = await ctx.c.tables.findOne({ _id: id });
  if (!table) throw new AppError("not_found", { entity: "table", id: id.toHexString() });
  return table;
}

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
  const table = await loadTable(ctx, input.tableId);
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
  const organisation = await ctx.c.organisations.findOne(
    { _id: input.organisationId },
    { projection: { _id: 1 } },
  );
  if (!organisation)
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
