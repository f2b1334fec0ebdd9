import type { Db } from "mongodb";
import { tableCollections } from "./documents.ts";

/** The tables feature's indexes (idempotent; db/indexes.ts runs it and says what an index may not be). */
export async function ensureTablesIndexes(db: Db): Promise<void> {
  const c = tableCollections(db);
  await Promise.all([
    c.tables.createIndex({ agreementId: 1, name: 1 }, { unique: true }),
    // Every request loads the caller's roles, among them the tables they coordinate.
    c.tables.createIndex({ coordinatorIds: 1 }),
  ]);
}
