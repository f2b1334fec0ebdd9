import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";

/** The person's stored reminder preferences, for their GDPR export; null while they keep the defaults. */
export async function exportReminderPreferencesOf(ctx: Ctx, personId: ObjectId) {
  const stored = await ctx.c.reminderPreferences.findOne({ _id: personId });
  return (
    stored && {
      leadMinutes: stored.leadMinutes,
      ownLeadMinutes: stored.ownLeadMinutes ?? true,
      channels: stored.channels,
      paused: stored.paused,
      quietHours: stored.quietHours ?? null,
      updatedAt: stored.updatedAt.toISOString(),
    }
  );
}

/** Erasure (DOMAIN rule 11): the person's stored preferences go (their audit entries are erased apart). */
export async function eraseReminderPreferencesOf(ctx: Ctx, personId: ObjectId): Promise<void> {
  await ctx.c.reminderPreferences.deleteOne({ _id: personId });
}

/** The reminders delivered to the person, newest first, for their GDPR export. */
export async function exportRemindersSentTo(ctx: Ctx, personId: ObjectId) {
  const sent = await ctx.c.reminderDeliveries
    .find({ personId, status: "delivered" })
    .sort({ _id: -1 })
    .toArray();
  return sent.map((d) => ({
    kind: d.kind,
    channel: d.channel,
    meetingId: d.meetingId.toHexString(),
    title: d.title,
    tableName: d.tableName,
    startsAt: d.startsAt.toISOString(),
    leadMinutes: d.leadMinutes,
    sentAt: d.at.toISOString(),
  }));
}

/**
 * Erasure: the person's reminders go, planned and sent alike (nothing is left to send them, and the log
 * of what reached them is theirs). A planner re-planning meanwhile finds them no longer convened.
 */
export async function eraseReminderOccurrencesOf(ctx: Ctx, personId: ObjectId): Promise<void> {
  await Promise.all([
    ctx.c.reminderOccurrences.deleteMany({ personId }),
    ctx.c.reminderDeliveries.deleteMany({ personId }),
  ]);
}
