import { ObjectId } from "mongodb";
import { hashToken, newToken } from "../auth/secrets.ts";
import type { Ctx } from "../shared/context.ts";
import { withLock } from "../shared/lock.ts";
import { requireActor } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import type { CalendarFeedDoc } from "./documents.ts";
import { revokeLiveFeeds } from "./revoke-feed.ts";

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
