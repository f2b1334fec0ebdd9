import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";

/** The person's calendar feeds, for their GDPR export: when each was made and revoked, never the URL. */
export async function exportCalendarFeedsOf(ctx: Ctx, personId: ObjectId) {
  const feeds = await ctx.c.calendarFeeds.find({ personId }).sort({ _id: 1 }).toArray();
  return feeds.map((f) => ({
    createdAt: f.createdAt.toISOString(),
    revokedAt: f.revokedAt?.toISOString() ?? null,
  }));
}

/** Erasure (DOMAIN rule 11): a feed URL would keep publishing the person's sittings, so every feed goes. */
export async function eraseCalendarFeedsOf(ctx: Ctx, personId: ObjectId): Promise<void> {
  await ctx.c.calendarFeeds.deleteMany({ personId });
}
