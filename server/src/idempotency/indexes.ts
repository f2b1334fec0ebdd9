import type { Db } from "mongodb";
import { idempotencyCollections } from "./documents.ts";

/** The idempotency feature's indexes (idempotent; db/indexes.ts runs it and says what an index may not be). */
export async function ensureIdempotencyIndexes(db: Db): Promise<void> {
  const c = idempotencyCollections(db);
  // The claim: two requests with one key race on this insert and exactly one wins.
  await c.idempotencyRecords.createIndex({ personId: 1, key: 1 }, { unique: true });
}
