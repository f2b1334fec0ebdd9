import type { Db } from "mongodb";
import { authCollections } from "./documents.ts";

/** The auth feature's indexes (idempotent; db/indexes.ts runs it and says what an index may not be). */
export async function ensureAuthIndexes(db: Db): Promise<void> {
  const c = authCollections(db);
  await Promise.all([
    c.loginLinks.createIndex({ tokenHash: 1 }, { unique: true }),
    c.sessions.createIndex({ idHash: 1 }, { unique: true }),
    c.apiTokens.createIndex({ tokenHash: 1 }, { unique: true }),
    c.apiTokens.createIndex({ personId: 1 }),
    c.rateBuckets.createIndex({ key: 1 }, { unique: true }),
  ]);
}
