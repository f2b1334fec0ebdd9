import { ObjectId } from "mongodb";
import { hashToken, newToken } from "../auth/secrets.ts";
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
async function revokeLiveFeeds(ctx: Ctx, personId: ObjectId): Promise<CalendarFeedDoc[]> {
  const live = await ctx.c.calendarFeeds.find({ personId, revokedAt: null }).toArray();
  if (live.length > 0)
    await ctx.c.calendarFeeds.updateMany(
      { _id: { $in: live.map((feed) => feed._id) } },
      { $set: { revokedAt: ctx.now() } },
    );
  return live;
}

/**
 * Issues the acting person's calendar subscription: a new unguessable token (only its hash is kept),
 * which replaces any previous one, so a leaked URL is cured by asking for a new one.
 */
export async function createCalendarFeed({ ctx }: { ctx: Ctx }) {
  const actor = requireActor(ctx);
  const token = newToken();
  return withLock(ctx, `calendar-feed:${actor.personId.toHexString()}`, async () => {
    const replaced = await revokeLiveFeeds(ctx, actor.personId);
    const doc: CalendarFeedDoc = {
      _id: new ObjectId(),
      personId: actor.personId,
      tokenHash: hashToken(token),
      createdAt: ctx.now(),
      revokedAt: null,
    };
    await ctx.c.calendarFeeds.insertOne(doc);
    await recordChange(ctx, {
      action: "calendar_feed.created",
      entity: "person",
      entityId: actor.personId,
      agreementId: null,
      before: replaced.length ? { feedIds: replaced.map((feed) => feed._id) } : null,
      after: { feedId: doc._id },
    });
    return { token, doc };
  });
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

/** Whether the acting person has a live subscription, and since when (never its URL: only the hash is kept). */
export async function calendarFeedStatus({ ctx }: { ctx: Ctx }) {
  const actor = requireActor(ctx);
  const live = await ctx.c.calendarFeeds.findOne(
    { personId: actor.personId, revokedAt: null },
    { sort: { createdAt: -1 } },
  );
  return { active: live !== null, createdAt: live?.createdAt ?? null };
}
