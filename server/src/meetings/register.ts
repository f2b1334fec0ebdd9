import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import type { MeetingDoc } from "./documents.ts";

/**
 * Stores the closed attendance register on its sitting, which is then updated as of the closing; the
 * sitting after, or null when it is gone. The caller (attendance/close-register.ts) holds the sitting's
 * lock, checks who closes it and records the change.
 */
export function storeClosedRegister(
  ctx: Ctx,
  meetingId: ObjectId,
  register: NonNullable<MeetingDoc["register"]>,
): Promise<MeetingDoc | null> {
  return ctx.c.meetings.findOneAndUpdate(
    { _id: meetingId },
    { $set: { register, updatedAt: register.closedAt } },
    { returnDocument: "after" },
  );
}
