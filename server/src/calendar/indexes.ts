import type { Db } from "mongodb";
import { calendarCollections } from "./documents.ts";

/** The calendar feature's indexes (idempotent; db/indexes.ts runs it and says what an index may not be). */
export async function ensureCalendarIndexes(db: Db): Promise<void> {
  const c = calendarCollections(db);
  await Promise.all([
    c.calendarFeeds.createIndex({ tokenHash: 1 }, { unique: true }),
    c.calendarFeeds.createIndex({ personId: 1 }),
  ]);
}
