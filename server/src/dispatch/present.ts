import type { DeliveryDoc } from "./documents.ts";

/** JSON view of a delivery (for installation admins: it names events, never their payloads). */
export function presentDelivery(doc: DeliveryDoc) {
  return {
    id: doc._id.toHexString(),
    subscriber: doc.subscriber,
    recordId: doc.recordId.toHexString(),
    stream: doc.stream,
    seq: doc.seq,
    type: doc.type,
    state: doc.state,
    attempts: doc.attempts,
    dueAt: doc.dueAt.toISOString(),
    leaseUntil: doc.leaseUntil?.toISOString() ?? null,
    owner: doc.owner,
    lastError: doc.lastError,
    createdAt: doc.createdAt.toISOString(),
    doneAt: doc.doneAt?.toISOString() ?? null,
    latencyMs: doc.latencyMs,
    deadAt: doc.deadAt?.toISOString() ?? null,
  };
}
