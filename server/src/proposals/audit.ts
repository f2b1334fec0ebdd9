import type { EventInput } from "../events.ts";
import type { Ctx } from "../shared/context.ts";
import { recordChange, recordChangeOnce } from "../shared/record.ts";
import type { ProposalDoc } from "./documents.ts";

type ProposalEvent = Extract<EventInput, { type: `proposal.${string}` }>;
type Extra<T extends ProposalEvent["type"]> = Omit<
  Extract<ProposalEvent, { type: T }>["payload"],
  "proposalId" | "tableId" | "confidential" | "title"
>;

/** The fields every proposal event carries: ids, confidentiality, and the title only when not confidential. */
export function eventFields(doc: ProposalDoc) {
  const ids = { proposalId: doc._id.toHexString(), tableId: doc.tableId.toHexString() };
  return doc.confidential
    ? { ...ids, confidential: true as const }
    : { ...ids, confidential: false as const, title: doc.title };
}

/** Audit entry and domain event of one change of a proposal, in one write (shared/record.ts). */
export async function recordProposal<T extends ProposalEvent["type"]>(
  ctx: Ctx,
  change: {
    type: T;
    before: unknown;
    after: ProposalDoc;
    extra: Extra<T>;
    /** A creation found already made under its idempotency key: record it only if that was not done. */
    once?: boolean;
  },
): Promise<void> {
  await (change.once ? recordChangeOnce : recordChange)(ctx, {
    action: change.type,
    entity: "proposal",
    entityId: change.after._id,
    agreementId: change.after.agreementId,
    before: change.before,
    after: change.after,
    event: { type: change.type, payload: { ...eventFields(change.after), ...change.extra } } as EventInput,
  });
}
