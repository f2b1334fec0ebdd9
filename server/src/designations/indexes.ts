import type { Db } from "mongodb";
import { designationCollections } from "./documents.ts";

/** The designations feature's indexes (idempotent; db/indexes.ts runs it and says what an index may not be). */
export async function ensureDesignationsIndexes(db: Db): Promise<void> {
  const c = designationCollections(db);
  await Promise.all([
    c.designations.createIndex({ tableId: 1, organisationId: 1, personId: 1, from: 1 }, { unique: true }),
    c.designations.createIndex({ personId: 1 }),
    c.designations.createIndex({ organisationId: 1 }),
  ]);
}
