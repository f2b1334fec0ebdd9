import type { Db } from "mongodb";
import { deadlineCollections } from "./documents.ts";

/** The deadlines feature's indexes (idempotent; db/indexes.ts runs it). */
export async function ensureDeadlinesIndexes(db: Db): Promise<void> {
  const c = deadlineCollections(db);
  await Promise.all([
    // One notice per (deadline, kind of event), across instances.
    c.deadlineNotices.createIndex({ key: 1 }, { unique: true }),
    c.deadlineNotices.createIndex({ agreementId: 1 }),
  ]);
}
