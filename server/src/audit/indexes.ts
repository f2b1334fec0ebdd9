import type { Db } from "mongodb";
import { auditCollections } from "./documents.ts";

/** The audit feature's indexes (idempotent; db/indexes.ts runs it and says what an index may not be). */
export async function ensureAuditIndexes(db: Db): Promise<void> {
  const c = auditCollections(db);
  await Promise.all([
    c.audit.createIndex({ entityId: 1, at: -1 }),
    c.audit.createIndex({ agreementId: 1, _id: -1 }),
    // Decides between concurrent writers of one stream, so its numbers have no gaps (see recordChange).
    c.audit.createIndex({ stream: 1, seq: 1 }, { unique: true }),
    // The dispatcher's read: events of a type in stored order.
    c.audit.createIndex({ type: 1, _id: 1 }),
    // The dispatcher's pump: the records still to fan out (a handful at any time, among millions done).
    c.audit.createIndex({ dispatch: 1 }),
  ]);
}
