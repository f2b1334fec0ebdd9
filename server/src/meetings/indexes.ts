import type { Db } from "mongodb";
import { meetingCollections } from "./documents.ts";

/** The meetings feature's indexes (idempotent; db/indexes.ts runs it and says what an index may not be). */
export async function ensureMeetingsIndexes(db: Db): Promise<void> {
  const c = meetingCollections(db);
  await Promise.all([
    c.meetings.createIndex({ tableId: 1, startsAt: 1 }),
    c.meetings.createIndex({ seriesId: 1 }),
  ]);
}
