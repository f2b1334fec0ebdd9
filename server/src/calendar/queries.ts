import type { Ctx } from "../shared/context.ts";
import { requireActor } from "../shared/policy.ts";

/** Whether the acting person has a live subscription, and since when (never its URL: only the hash is kept). */
export async function calendarFeedStatus({ ctx }: { ctx: Ctx }) {
  const actor = requireActor(ctx);
  const live = await ctx.c.calendarFeeds.findOne(
    { personId: actor.personId, revokedAt: null },
    { sort: { createdAt: -1 } },
  );
  return { active: live !== null, createdAt: live?.createdAt ?? null };
}
