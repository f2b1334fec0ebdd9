import type { Ctx } from "../shared/context.ts";
import { AppError, isDuplicateKey } from "../shared/errors.ts";

/** Per fixed window: login mails sent to one address, and login requests from one client IP. */
export const LOGIN_LIMITS = { windowMs: 15 * 60_000, perEmail: 5, perIp: 30 } as const;

/**
 * Counts one hit on a fixed-window counter kept in MongoDB, so every stateless instance shares it; past
 * `limit` throws `rate_limited` with the seconds until the window ends.
 *
 * One counter document per scope and window (`<scope>:<windowStart>`, unique), bumped by one atomic
 * `$inc` upsert: MongoDB applies it to the document in one step, so concurrent hits from any number of
 * instances each see their own count and exactly `limit` of them pass.
 */
export async function hitRateLimit({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { scope: string; limit: number; windowMs: number };
}): Promise<void> {
  const now = ctx.now();
  const windowStart = Math.floor(now.getTime() / input.windowMs) * input.windowMs;
  const expiresAt = new Date(windowStart + input.windowMs);
  const bucket = await countHit(ctx, `${input.scope}:${windowStart}`, now, expiresAt);
  // No TTL index (the embedded engine ignores them): whoever opens a window sweeps the expired ones.
  if (bucket.count === 1) await ctx.c.rateBuckets.deleteMany({ expiresAt: { $lte: now } });
  if (bucket.count <= input.limit) return;
  throw new AppError("rate_limited", {
    retryAfterSeconds: Math.max(1, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000)),
  });
}

async function countHit(ctx: Ctx, key: string, now: Date, expiresAt: Date, retried = false) {
  try {
    // The count is read from the document as it was before this hit: mongo-java-server can return an
    // `after` that already holds a concurrent hit (two callers would then see the same count), while
    // its `before` is exact, as both are on MongoDB.
    const before = await ctx.c.rateBuckets.findOneAndUpdate(
      { key, expiresAt: { $gt: now } },
      { $inc: { count: 1 }, $setOnInsert: { expiresAt } },
      { upsert: true, returnDocument: "before" },
    );
    return { count: (before?.count ?? 0) + 1 };
  } catch (error) {
    // Two first hits can both try to insert the window's document; the loser's retry then finds it.
    if (retried || !isDuplicateKey(error)) throw error;
    return countHit(ctx, key, now, expiresAt, true);
  }
}
