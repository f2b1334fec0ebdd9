import type { Db } from "mongodb";
import { serviceCollections } from "./documents.ts";

/** The services feature's indexes (idempotent; db/indexes.ts runs it and says what an index may not be). */
export async function ensureServicesIndexes(db: Db): Promise<void> {
  const c = serviceCollections(db);
  await Promise.all([
    c.sharedServices.createIndex({ agreementId: 1, name: 1 }, { unique: true }),
    // Sparse, not partial (the embedded engine ignores partial indexes): services without a key are left out.
    c.sharedServices.createIndex({ idempotencyKey: 1 }, { unique: true, sparse: true }),
  ]);
}
