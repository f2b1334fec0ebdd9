import type { Db } from "mongodb";
import { minutesCollections } from "./documents.ts";

/** The minutes feature's indexes (idempotent; db/indexes.ts runs it and says what an index may not be). */
export async function ensureMinutesIndexes(db: Db): Promise<void> {
  const c = minutesCollections(db);
  await Promise.all([c.minutes.createIndex({ meetingId: 1 }, { unique: true })]);
}
