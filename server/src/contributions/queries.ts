import type { Filter, ObjectId } from "mongodb";
import { organisationName, organisationNames } from "../organisations/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { paginate } from "../shared/pagination.ts";
import { requireActor } from "../shared/policy.ts";
import { getTable } from "../tables/queries.ts";
import { canSeeConfidential } from "../tables/visibility.ts";
import type { ContributionDoc } from "./documents.ts";
import type { ContributionKind } from "./kinds.ts";
import { presentContribution } from "./present.ts";

/**
 * A contribution the acting person may see, or not_found: a confidential one is visible only to the
 * table's circle (DOMAIN rule 10), and to others it does not exist.
 */
export async function loadVisibleContribution(ctx: Ctx, id: ObjectId): Promise<ContributionDoc> {
  requireActor(ctx);
  const doc = await ctx.c.contributions.findOne({ _id: id });
  const visible =
    doc &&
    (!doc.confidential ||
      (await canSeeConfidential(ctx, await getTable({ ctx, input: { id: doc.tableId } }))));
  if (!visible) throw new AppError("not_found", { entity: "contribution", id: id.toHexString() });
  return doc;
}

/** Contributions as JSON, with their organisations' names (one batched `$in`). */
export async function presentContributions(ctx: Ctx, docs: ContributionDoc[]) {
  const ids = [...new Map(docs.map((d) => [d.organisationId.toHexString(), d.organisationId])).values()];
  const names = await organisationNames(ctx, ids);
  return docs.map((d) => presentContribution(d, names.get(d.organisationId.toHexString()) ?? null));
}

/** One contribution as JSON, with its organisation's name. */
export async function presentOneContribution(ctx: Ctx, doc: ContributionDoc) {
  return presentContribution(doc, await organisationName(ctx, doc.organisationId));
}

/** One contribution, withdrawn ones included (any logged-in person; confidential ones to the table's circle). */
export async function getContribution({ ctx, input }: { ctx: Ctx; input: { id: ObjectId } }) {
  return presentOneContribution(ctx, await loadVisibleContribution(ctx, input.id));
}

export type ListContributionsInput = {
  tableId: ObjectId;
  kind?: ContributionKind;
  organisationId?: ObjectId;
  cursor?: string;
  limit?: number;
  /** Withdrawn contributions stay in the history; listed only on request. */
  includeWithdrawn?: boolean;
};

/**
 * A table's contributions, newest first, optionally of one kind or organisation. The table's circle
 * sees everything; other logged-in people see the non-confidential ones only.
 */
export async function listTableContributions({ ctx, input }: { ctx: Ctx; input: ListContributionsInput }) {
  requireActor(ctx);
  const table = await getTable({ ctx, input: { id: input.tableId } });
  const filter: Filter<ContributionDoc> = {
    tableId: table._id,
    ...(input.includeWithdrawn ? {} : { withdrawnAt: null }),
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.organisationId ? { organisationId: input.organisationId } : {}),
    ...((await canSeeConfidential(ctx, table)) ? {} : { confidential: false }),
  };
  const page = await paginate(
    ctx.c.contributions,
    filter,
    { limit: input.limit ?? 50, cursor: input.cursor },
    "newest_first",
  );
  return { items: await presentContributions(ctx, page.items), nextCursor: page.nextCursor };
}

/**
 * The contributions brought to the tables in [start, end) and not withdrawn, oldest first (no access
 * check: for the periodic report, which leaves confidential text to the tables its reader may see).
 */
export function contributionsBetween(
  ctx: Ctx,
  input: { tableIds: ObjectId[]; start: Date; end: Date },
): Promise<ContributionDoc[]> {
  if (input.tableIds.length === 0) return Promise.resolve([]);
  return ctx.c.contributions
    .find({
      tableId: { $in: input.tableIds },
      withdrawnAt: null,
      createdAt: { $gte: input.start, $lt: input.end },
    })
    .sort({ createdAt: 1, _id: 1 })
    .toArray();
}
