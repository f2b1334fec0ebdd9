import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";

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
 * approved ones included, but under `erasedName`: one in-place update per document, atomic on MongoDB.
 */
export async function eraseFromMinutes(ctx: Ctx, personId: ObjectId, erasedName: string): Promise<void> {
  await ctx.c.minutes.updateMany(
    { "attendees.personId": personId },
    { $set: { "attendees.$[erased].name": erasedName } },
    { arrayFilters: [{ "erased.personId": personId }] },
  );
}
