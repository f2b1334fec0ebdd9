import type { ObjectId } from "mongodb";
import { latestMembership, organisationSitsOnTable, tableMemberIds } from "../memberships/queries.ts";
import { membershipStatus } from "../memberships/status.ts";
import type { Ctx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import { AppError } from "../shared/errors.ts";
import { changeGuarded } from "../shared/guarded-change.ts";
import type { TableDoc } from "../tables/documents.ts";
import { recordProposal } from "./audit.ts";
import type { AdoptionDoc, ProposalDoc } from "./documents.ts";
import { loadProposal, requireVisible } from "./queries.ts";
import { requireProposalOrganiser } from "./rules.ts";
import { PROPOSAL_TRANSITIONS, type ProposalStatus } from "./states.ts";

function requireTransition(from: ProposalStatus, to: ProposalStatus): void {
  const allowed = PROPOSAL_TRANSITIONS[from];
  if (!allowed.includes(to)) throw new AppError("proposal_transition_invalid", { from, to, allowed });
}

/**
 * Moves the proposal to `to` along PROPOSAL_TRANSITIONS, as its table's organisers, revision-guarded so
 * that of two racing changes the second is checked against what the first left. `extra` adds fields.
 */
async function move(
  ctx: Ctx,
  id: ObjectId,
  to: ProposalStatus,
  prepare: (doc: ProposalDoc, table: TableDoc) => Promise<Partial<ProposalDoc>> = async () => ({}),
): Promise<{ before: ProposalDoc; after: ProposalDoc }> {
  const { doc, table } = await loadProposal(ctx, id);
  await requireVisible(ctx, doc, table);
  const actor = requireProposalOrganiser(ctx, table);
  requireTransition(doc.status, to);
  const extra = await prepare(doc, table);
  const changed = await changeGuarded(
    ctx.c.proposals,
    async () => (await loadProposal(ctx, id)).doc,
    (current) => {
      requireTransition(current.status, to);
      const now = ctx.now();
      const entry = { at: now, byId: actor.personId, from: current.status, to };
      return { $set: { ...extra, status: to, updatedAt: now }, $push: { history: entry } };
    },
  );
  if (!changed) throw new AppError("not_found", { entity: "proposal", id: id.toHexString() });
  return changed;
}

/** bozza → approvata, by the table's coordinators (or the agreement's admins). Emits `proposal.approved`. */
export async function approveProposal({ ctx, input }: { ctx: Ctx; input: { id: ObjectId } }) {
  const { before, after } = await move(ctx, input.id, "approvata");
  await recordProposal(ctx, {
    type: "proposal.approved",
    before: { status: before.status },
    after,
    extra: {},
  });
  return after;
}

/** Withdrawn before being addressed; kept in the history. Emits `proposal.withdrawn`. */
export async function withdrawProposal({ ctx, input }: { ctx: Ctx; input: { id: ObjectId } }) {
  const { before, after } = await move(ctx, input.id, "ritirata");
  await recordProposal(ctx, {
    type: "proposal.withdrawn",
    before: { status: before.status },
    after,
    extra: {},
  });
  return after;
}

/**
 * approvata → indirizzata: to the organisations named (each a current member of the agreement; for a
 * confidential proposal, each sitting on the table, so that nothing leaves it) or else to every one
 * sitting on the table today. Each starts `in_valutazione`. Emits `proposal.addressed` with their ids.
 */
export async function addressProposal({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: ObjectId; organisationIds?: ObjectId[] };
}) {
  const { before, after } = await move(ctx, input.id, "indirizzata", async (doc, table) => {
    const organisationIds = await addressees(ctx, doc, table, input.organisationIds);
    const now = ctx.now();
    const adoptions: AdoptionDoc[] = organisationIds.map((organisationId) => ({
      organisationId,
      state: "in_valutazione",
      act: null,
      reason: null,
      recordedAt: now,
      recordedById: null,
      history: [],
    }));
    return { adoptions, addressedOn: romeDate(now) };
  });
  await recordProposal(ctx, {
    type: "proposal.addressed",
    before: { status: before.status },
    after,
    extra: { organisationIds: after.adoptions.map((a) => a.organisationId.toHexString()) },
  });
  return after;
}

async function addressees(
  ctx: Ctx,
  doc: ProposalDoc,
  table: TableDoc,
  chosen: ObjectId[] | undefined,
): Promise<ObjectId[]> {
  const today = romeDate(ctx.now());
  if (!chosen) {
    const seated = await tableMemberIds(ctx, table, today);
    if (seated.length === 0)
      throw new AppError("proposal_no_addressees", { tableId: table._id.toHexString() });
    return seated;
  }
  const unique = [...new Map(chosen.map((id) => [id.toHexString(), id])).values()];
  for (const organisationId of unique) {
    const membership = await latestMembership(ctx, doc.agreementId, organisationId);
    const status = membership ? membershipStatus(membership, today) : null;
    if (status !== "operative" && status !== "withdrawing")
      throw new AppError("not_a_member", { organisationId: organisationId.toHexString() });
    if (doc.confidential && !(await organisationSitsOnTable(ctx, table, organisationId, today)))
      throw new AppError("proposal_confidential_outside_table", {
        organisationId: organisationId.toHexString(),
      });
  }
  return unique;
}
