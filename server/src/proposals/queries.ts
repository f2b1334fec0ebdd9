import type { Filter, ObjectId } from "mongodb";
import { getAgreement } from "../agreements/queries.ts";
import { organisationNames } from "../organisations/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { type PageQuery, paginate } from "../shared/pagination.ts";
import { requireActor } from "../shared/policy.ts";
import type { TableDoc } from "../tables/documents.ts";
import { getTable } from "../tables/queries.ts";
import { canSeeConfidential } from "../tables/visibility.ts";
import { adoptionRate } from "./adoption-rate.ts";
import type { ProposalDoc } from "./documents.ts";
import { presentProposal } from "./present.ts";
import type { ProposalStatus } from "./states.ts";

const notFound = (id: ObjectId) => new AppError("not_found", { entity: "proposal", id: id.toHexString() });

/** The proposal and its table, or not_found. */
export async function loadProposal(ctx: Ctx, id: ObjectId): Promise<{ doc: ProposalDoc; table: TableDoc }> {
  const doc = await ctx.c.proposals.findOne({ _id: id });
  if (!doc) throw notFound(id);
  return { doc, table: await getTable({ ctx, input: { id: doc.tableId } }) };
}

/** Not found for whoever may not see it: a confidential proposal exists only for the table's circle (rule 10). */
export async function requireVisible(ctx: Ctx, doc: ProposalDoc, table: TableDoc): Promise<void> {
  if (doc.confidential && !(await canSeeConfidential(ctx, table))) throw notFound(doc._id);
}

/** Proposals as JSON, with the addressed organisations' names (one batched `$in`). */
export async function presentProposals(ctx: Ctx, docs: ProposalDoc[]) {
  const ids = [
    ...new Map(
      docs.flatMap((d) => d.adoptions.map((a) => [a.organisationId.toHexString(), a.organisationId])),
    ).values(),
  ];
  const names = await organisationNames(ctx, ids);
  return docs.map((d) => presentProposal(d, names));
}

/** One proposal as the acting person may see it (404 for a confidential one outside the table). */
export async function getProposal({ ctx, input }: { ctx: Ctx; input: { id: ObjectId } }) {
  requireActor(ctx);
  const { doc, table } = await loadProposal(ctx, input.id);
  await requireVisible(ctx, doc, table);
  const [presented] = await presentProposals(ctx, [doc]);
  return presented as NonNullable<typeof presented>;
}

/** A table's proposals, newest first; confidential ones only for the table's circle. */
export async function listTableProposals({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tableId: ObjectId; status?: ProposalStatus } & Partial<PageQuery>;
}) {
  requireActor(ctx);
  const table = await getTable({ ctx, input: { id: input.tableId } });
  const filter: Filter<ProposalDoc> = {
    tableId: table._id,
    ...(input.status ? { status: input.status } : {}),
    ...((await canSeeConfidential(ctx, table)) ? {} : { confidential: false }),
  };
  const page = await paginate(
    ctx.c.proposals,
    filter,
    { limit: input.limit ?? 50, cursor: input.cursor },
    "newest_first",
  );
  return { items: await presentProposals(ctx, page.items), nextCursor: page.nextCursor };
}

/**
 * Each member organisation's answers across the agreement's addressed proposals: counts and rate only,
 * no title, so confidential proposals count without saying anything of themselves.
 */
export async function getAgreementAdoption({ ctx, input }: { ctx: Ctx; input: { agreementId: ObjectId } }) {
  requireActor(ctx);
  await getAgreement({ ctx, input: { id: input.agreementId } });
  const docs = await ctx.c.proposals
    .find({ agreementId: input.agreementId, status: "indirizzata" }, { projection: { adoptions: 1 } })
    .toArray();
  const byOrganisation = new Map<
    string,
    { id: ObjectId; states: ProposalDoc["adoptions"][number]["state"][] }
  >();
  for (const adoption of docs.flatMap((d) => d.adoptions)) {
    const key = adoption.organisationId.toHexString();
    const entry = byOrganisation.get(key) ?? { id: adoption.organisationId, states: [] };
    entry.states.push(adoption.state);
    byOrganisation.set(key, entry);
  }
  const names = await organisationNames(
    ctx,
    [...byOrganisation.values()].map((e) => e.id),
  );
  const organisations = [...byOrganisation.entries()]
    .map(([id, e]) => ({
      organisationId: id,
      organisationName: names.get(id) ?? null,
      ...adoptionRate(e.states),
    }))
    .sort((a, b) => (a.organisationName ?? "").localeCompare(b.organisationName ?? "", "it"));
  return { agreementId: input.agreementId.toHexString(), proposals: docs.length, organisations };
}
