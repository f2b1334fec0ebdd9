import type { Db } from "mongodb";
import { pushCollections } from "./documents.ts";

/** The push feature's indexes (idempotent; db/indexes.ts runs it and says what an index may not be). */
export async function ensurePushIndexes(db: Db): Promise<void> {
  const c = pushCollections(db);
  await Promise.all([
    c.pushSubscriptions.createIndex({ endpointHash: 1 }, { unique: true }),
    c.pushSubscriptions.createIndex({ personId: 1 }),
  ]);
}
