import type { Db } from "mongodb";
import { rsvpCollections } from "./documents.ts";

/** The rsvps feature's indexes (idempotent; db/indexes.ts runs it and says what an index may not be). */
export async function ensureRsvpsIndexes(db: Db): Promise<void> {
  const c = rsvpCollections(db);
  await Promise.all([
    c.rsvps.createIndex({ meetingId: 1, personId: 1 }, { unique: true }),
    c.rsvps.createIndex({ delegateId: 1 }),
  ]);
}
