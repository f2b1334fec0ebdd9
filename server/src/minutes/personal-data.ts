import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { underMinutesLock } from "./rules.ts";

/**
 * The minutes a person wrote or approved, for their GDPR export: which and when, not the content,
 * which is the table's record and may be confidential (DOMAIN rule 10).
 */
export async function minutesAuthoredBy(ctx: Ctx, personId: ObjectId) {
  const rows = await ctx.c.minutes
    .find({ $or: [{ draftedById: personId }, { approvedById: personId }] })
    .sort({ _id: 1 })
    .toArray();
  return rows.map((m) => ({
    meetingId: m.meetingId.toHexString(),
    tableId: m.tableId.toHexString(),
    status: m.status,
    version: m.version,
    drafted: m.draftedById.equals(personId),
    approved: m.approvedById?.equals(personId) ?? false,
    updatedAt: m.updatedAt.toISOString(),
  }));
}

/**
 * Erasure (DOMAIN rule 11): the person stays counted among the attendees of the minutes they attended,
 * approved ones included, but under `erasedName`. One minutes at a time, each under its lock.
 */
export async function eraseFromMinutes(ctx: Ctx, personId: ObjectId, erasedName: string): Promise<void> {
  const attended = await ctx.c.minutes
    .find({ "attendees.personId": personId }, { projection: { meetingId: 1 } })
    .toArray();
  for (const { meetingId } of attended) {
    await underMinutesLock(ctx, meetingId, async (_meeting, _table, minutes) => {
      if (!minutes) return;
      const attendees = minutes.attendees.map((a) =>
        a.personId.equals(personId) ? { ...a, name: erasedName } : a,
      );
      await ctx.c.minutes.updateOne({ _id: minutes._id }, { $set: { attendees } });
    });
  }
}
