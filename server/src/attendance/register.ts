import { ObjectId } from "mongodb";
import { loadMeeting, loadMeetingTable } from "../meetings/access.ts";
import type { MeetingDoc } from "../meetings/documents.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError, isDuplicateKey } from "../shared/errors.ts";
import { withLock } from "../shared/lock.ts";
import type { TableDoc } from "../tables/documents.ts";
import type { AttendanceDoc } from "./documents.ts";

/** The register opens (and self check-in starts) this long before the start. */
export const OPENS_BEFORE_MS = 30 * 60_000;

/** When rows may first be written for the sitting. */
export function registerOpensAt(meeting: MeetingDoc): Date {
  return new Date(meeting.startsAt.getTime() - OPENS_BEFORE_MS);
}

/** A cancelled sitting has no register to fill, and a closed register is final (409 either way). */
export function requireOpenRegister(meeting: MeetingDoc): void {
  const meetingId = meeting._id.toHexString();
  if (meeting.status === "cancelled") throw new AppError("meeting_cancelled", { meetingId });
  if (meeting.register) throw new AppError("register_closed", { meetingId });
}

/**
 * Runs `work` on a fresh copy of the sitting under the lock meetings/change.ts takes. One of the few
 * locks left: the register spans several documents (the rows and the sitting's closed register with its
 * quorum), and MongoDB offers no multi-document atomicity without transactions, so a row must never be
 * written after the register closed, nor while the sitting is moved or called off.
 */
export function underMeetingLock<T>(
  ctx: Ctx,
  meetingId: ObjectId,
  work: (meeting: MeetingDoc, table: TableDoc) => Promise<T>,
): Promise<T> {
  return withLock(ctx, `meeting:${meetingId.toHexString()}`, async () => {
    const meeting = await loadMeeting(ctx, meetingId);
    return work(meeting, await loadMeetingTable(ctx, meeting));
  });
}

type RowKey = Pick<AttendanceDoc, "meetingId" | "personId">;

/**
 * Writes a person's row: inserts it, or on the unique {meetingId, personId} index refusing a second one,
 * updates the existing row with `changes` (so one row per person, however often it is written).
 */
export async function saveRow(
  ctx: Ctx,
  row: Omit<AttendanceDoc, "_id">,
  changes: Partial<Omit<AttendanceDoc, "_id" | keyof RowKey>>,
): Promise<{ before: AttendanceDoc | null; after: AttendanceDoc }> {
  const fresh = { _id: new ObjectId(), ...row };
  try {
    await ctx.c.attendance.insertOne(fresh);
    return { before: null, after: fresh };
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  const key = { meetingId: row.meetingId, personId: row.personId };
  const before = await ctx.c.attendance.findOne(key);
  const after = await ctx.c.attendance.findOneAndUpdate(key, { $set: changes }, { returnDocument: "after" });
  if (!after) throw new AppError("concurrent_change", { entity: "attendance" });
  return { before, after };
}
