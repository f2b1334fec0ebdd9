import type { Db } from "mongodb";
import { reminderCollections } from "./documents.ts";

/** The reminders feature's indexes (idempotent; db/indexes.ts runs it and says what an index may not be). */
export async function ensureRemindersIndexes(db: Db): Promise<void> {
  const c = reminderCollections(db);
  await Promise.all([
    // Exactly one occurrence per key, however many planners run.
    c.reminderOccurrences.createIndex(
      { meetingId: 1, personId: 1, kind: 1, leadMinutes: 1, channel: 1, meetingSequence: 1 },
      { unique: true },
    ),
    // The sender's claim: state equality first, then due time.
    c.reminderOccurrences.createIndex({ state: 1, dueAt: 1 }),
    c.reminderOccurrences.createIndex({ personId: 1 }),
    c.reminderDeliveries.createIndex({ personId: 1, _id: -1 }),
    c.reminderDeliveries.createIndex({ occurrenceId: 1 }),
  ]);
}
