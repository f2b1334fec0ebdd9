import type { Db } from "mongodb";
import { attendanceCollections } from "./documents.ts";

/** The attendance feature's indexes (idempotent; db/indexes.ts runs it and says what an index may not be). */
export async function ensureAttendanceIndexes(db: Db): Promise<void> {
  const c = attendanceCollections(db);
  await Promise.all([
    c.attendance.createIndex({ meetingId: 1, personId: 1 }, { unique: true }),
    c.attendance.createIndex({ organisationId: 1 }),
  ]);
}
