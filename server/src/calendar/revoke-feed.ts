import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { withLock } from "../shared/lock.ts";
import { requireActor } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import type { CalendarFeedDoc } from "./documents.ts";

/**
 * Revokes the person's live feeds; returns them as they were. Call under the person's feed lock: a
 * rotation changes several documents (the old feeds and the new one) and there are no transactions, so
 * without the lock two rotations racing could each revoke before either inserts, leaving two live URLs.
 */
export async function revokeLiveFeeds(ctx: Ctx, personId: ObjectId): Promise<CalendarFeedDoc[]> {
  const live = await ctx.c.calendarFeeds.find({ personId, revokedAt: null }).toArray();
  if (live.length > 0)
    await ctx.c.calendarFeeds.updateMany(
      { _id: { $in: live.map((feed) => feed._id) } },
      { $set: { revokedAt: ctx.now() } },
    );
  return live;
}

/** Turns the acting person's subscription off: the URL answers 404 from now on. Idempotent. */
export async function revokeCalendarFeed({ ctx }: { ctx: Ctx }): Promise<void> {
  const actor = requireActor(ctx);
  await withLock(ctx, `calendar-feed:${actor.personId.toHexString()}`, async () => {
    const revoked = await revokeLiveFeeds(ctx, actor.personId);
    if (revoked.length === 0) return;
    await recordChange(ctx, {
      action: "calendar_feed.revoked",
      entity: "person",
      entityId: actor.personId,
      agreementId: null,
      before: { feedIds: revoked.map((feed) => feed._id) },
      after: null,
    });
  });
}
