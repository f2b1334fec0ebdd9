import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";

/** The person's stored reminder preferences, for their GDPR export; null while they keep the defaults. */
export async function exportReminderPreferencesOf(ctx: Ctx, personId: ObjectId) {
  const stored = await ctx.c.reminderPreferences.findOne({ _id: personId });
  return (
    stored && {
      leadMinutes: stored.leadMinutes,
      channels: stored.channels,
      paused: stored.paused,
      updatedAt: stored.updatedAt.toISOString(),
    }
  );
}

/** Erasure (DOMAIN rule 11): the person's stored preferences go (their audit entries are erased apart). */
export async function eraseReminderPreferencesOf(ctx: Ctx, personId: ObjectId): Promise<void> {
  await ctx.c.reminderPreferences.deleteOne({ _id: personId });
}
