import type { Db } from "mongodb";
import { contributionCollections } from "./documents.ts";

/** The contributions feature's indexes (idempotent; db/indexes.ts runs it and says what an index may not be). */
export async function ensureContributionsIndexes(db: Db): Promise<void> {
  const c = contributionCollections(db);
  await Promise.all([
    c.contributions.createIndex({ tableId: 1, _id: -1 }),
    c.contributions.createIndex({ authorId: 1 }),
    // Sparse, not partial (the embedded engine ignores partial indexes): documents without a key are left out.
    c.contributions.createIndex({ idempotencyKey: 1 }, { unique: true, sparse: true }),
  ]);
}
