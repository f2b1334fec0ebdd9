import type { Db } from "mongodb";
import { proposalCollections } from "./documents.ts";

/** The proposals feature's indexes (idempotent; db/indexes.ts runs it and says what an index may not be). */
export async function ensureProposalsIndexes(db: Db): Promise<void> {
  const c = proposalCollections(db);
  await Promise.all([
    c.proposals.createIndex({ tableId: 1, _id: -1 }),
    c.proposals.createIndex({ agreementId: 1, status: 1 }),
    c.proposals.createIndex({ "adoptions.organisationId": 1 }),
    // Sparse, not partial (the embedded engine ignores partial indexes): documents without a key are left out.
    c.proposals.createIndex({ idempotencyKey: 1 }, { unique: true, sparse: true }),
  ]);
}
