import { type Filter, ObjectId } from "mongodb";
import { requireOrganisation } from "../memberships/queries.ts";
import { organisationNames } from "../organisations/queries.ts";
import { personNames } from "../people/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import { AppError } from "../shared/errors.ts";
import { type PageQuery, paginate } from "../shared/pagination.ts";
import { requireActor } from "../shared/policy.ts";
import { getTable, tablesById } from "../tables/queries.ts";
import { canSeeConfidential } from "../tables/visibility.ts";
import type { ActionItemDoc, ActionItemStatus } from "./documents.ts";
import { type PresentedActionItem, presentActionItem } from "./present.ts";

/** A tracked item, or not_found (no access check: reading is checked by the presentation). */
export async function loadActionItem(ctx: Ctx, id: ObjectId): Promise<ActionItemDoc> {
  const item = await ctx.c.actionItems.findOne({ _id: id });
  if (!item) throw new AppError("not_found", { entity: "action_item", id: id.toHexString() });
  return item;
}

export type ListFilter = { status?: ActionItemStatus; overdue?: boolean };

/** The status and overdue filters as a query: overdue means open and due before today (Europe/Rome). */
function filterOf(ctx: Ctx, input: ListFilter): Filter<ActionItemDoc> {
  const today = romeDate(ctx.now());
  const conditions: Filter<ActionItemDoc>[] = [];
  if (input.status) conditions.push({ status: input.status });
  if (input.overdue) conditions.push({ status: "aperta", due: { $ne: null, $lt: today } });
  return conditions.length ? { $and: conditions } : {};
}

/** Items as JSON for the acting person, with the names they show (batched reads). */
export async function presentActionItems(ctx: Ctx, items: ActionItemDoc[]): Promise<PresentedActionItem[]> {
  const actor = requireActor(ctx);
  const unique = (ids: (ObjectId | null)[]) => [
    ...new Map(ids.filter((id): id is ObjectId => id !== null).map((id) => [id.toHexString(), id])).values(),
  ];
  const [tables, organisations, people] = await Promise.all([
    tablesById(ctx, unique(items.map((i) => i.tableId))),
    organisationNames(ctx, unique(items.map((i) => i.ownerOrganisationId))),
    personNames(ctx, unique(items.map((i) => i.ownerPersonId))),
  ]);
  const insideTables = new Set<string>();
  for (const [hex, table] of tables) if (await canSeeConfidential(ctx, table)) insideTables.add(hex);
  const facts = {
    tables: new Map([...tables].map(([hex, table]) => [hex, table.name])),
    organisations,
    people,
    insideTables,
    viewerId: actor.personId.toHexString(),
    viewerOrganisations: actor.referentFor,
    today: romeDate(ctx.now()),
  };
  return items.map((item) => presentActionItem(item, facts));
}

async function page(ctx: Ctx, filter: Filter<ActionItemDoc>, input: PageQuery) {
  const found = await paginate(ctx.c.actionItems, filter, input);
  return { items: await presentActionItems(ctx, found.items), nextCursor: found.nextCursor };
}

/** A table's tracked items, oldest first (any logged-in person; the text only to the table's circle). */
export async function listTableActionItems({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tableId: ObjectId } & ListFilter & PageQuery;
}) {
  requireActor(ctx);
  const table = await getTable({ ctx, input: { id: input.tableId } });
  return page(ctx, { tableId: table._id, ...filterOf(ctx, input) }, input);
}

/** The items an organisation owns on every table, oldest first (any logged-in person, as for tables). */
export async function listOrganisationActionItems({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { organisationId: ObjectId } & ListFilter & PageQuery;
}) {
  requireActor(ctx);
  await requireOrganisation(ctx, input.organisationId);
  return page(ctx, { ownerOrganisationId: input.organisationId, ...filterOf(ctx, input) }, input);
}

/** My items: the ones I own, and the ones of the organisations I am a referent for, oldest first. */
export async function listMyActionItems({ ctx, input }: { ctx: Ctx; input: ListFilter & PageQuery }) {
  const actor = requireActor(ctx);
  const mine: Filter<ActionItemDoc> = {
    $or: [
      { ownerPersonId: actor.personId },
      { ownerOrganisationId: { $in: actor.referentFor.map((hex) => new ObjectId(hex)) } },
    ],
  };
  return page(ctx, { ...mine, ...filterOf(ctx, input) }, input);
}
