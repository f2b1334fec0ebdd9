import type { Db } from "mongodb";
import { reportCollections } from "./documents.ts";

/** The reports feature's indexes (idempotent; db/indexes.ts runs it and says what an index may not be). */
export async function ensureReportsIndexes(db: Db): Promise<void> {
  const c = reportCollections(db);
  await Promise.all([
    c.issuedReports.createIndex({ agreementId: 1, issuedAt: 1 }),
    c.issuedReports.createIndex({ issuedById: 1 }),
    // Sparse, not partial (the embedded engine ignores partial indexes): reports without a key are left out.
    c.issuedReports.createIndex({ idempotencyKey: 1 }, { unique: true, sparse: true }),
  ]);
}
