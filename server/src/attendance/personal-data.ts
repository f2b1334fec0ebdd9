import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";

/** The sittings the person was recorded at, for their GDPR export: how they took part and since when. */
export async function exportAttendanceOf(ctx: Ctx, personId: ObjectId) {
  const attendance = await ctx.c.attendance.find({ personId }).sort({ _id: 1 }).toArray();
  return attendance.map((a) => ({
    meetingId: a.meetingId.toHexString(),
    mode: a.mode,
    arrivedLate: a.arrivedLate,
    leftEarly: a.leftEarly,
    source: a.source,
    recordedAt: a.recordedAt.toISOString(),
  }));
}
