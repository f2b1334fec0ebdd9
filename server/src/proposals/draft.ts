import { ObjectId } from "mongodb";
import { insertOnce } from "../idempotency/index.ts";
import type { Ctx } from "../shared/context.ts";
import { getTable } from "../tables/queries.ts";
import { recordProposal } from "./audit.ts";
import type { ProposalDoc } from "./documents.ts";
import { checkContent, requireMinutedDecision, requireProposalOrganiser } from "./rules.ts";

export type DraftProposalInput = {
  tableId: ObjectId;
  title: string;
  text: string;
  confidential: boolean;
  meetingId: ObjectId | null;
  decisionIndex: number | null;
  /** From the request's Idempotency-Key (creationKeyOf): a repeat returns the proposal it made. */
  idempotencyKey?: string | null;
};

/**
 * The table's coordinators (or the agreement's admins) draft a proposal, directly or from a decision
 * minuted at one of its sittings. Emits `proposal.drafted`, without the title when confidential.
 */
export async function draftProposal({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: DraftProposalInput;
}): Promise<ProposalDoc> {
  const table = await getTable({ ctx, input: { id: input.tableId } });
  const actor = requireProposalOrganiser(ctx, table);
  const content = checkContent(input);
  await requireMinutedDecision(ctx, table, input.meetingId, input.decisionIndex);
  const now = ctx.now();
  const doc: ProposalDoc = {
    _id: new ObjectId(),
    tableId: table._id,
    agreementId: table.agreementId,
    meetingId: input.meetingId,
    decisionIndex: input.decisionIndex,
    ...content,
    confidential: input.confidential === true,
    status: "bozza",
    history: [],
    addressedOn: null,
    adoptions: [],
    draftedById: actor.personId,
    createdAt: now,
    updatedAt: now,
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  };
  const { doc: stored, created } = await insertOnce(ctx.c.proposals, doc);
  await recordProposal(ctx, {
    type: "proposal.drafted",
    before: null,
    after: stored,
    extra: {},
    once: !created,
  });
  return stored;
}
