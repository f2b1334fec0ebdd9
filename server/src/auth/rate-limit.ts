import { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { AppError, isDuplicateKey } from "../shared/errors.ts";

/** Per fixed window: login mails sent to one address, and login requests from one client IP. */
export const LOGIN_LIMITS = { windowMs: 15 * 60_000, perEmail: 5, perIp: 30 } as const;

/**
 * Counts one hit on a fixed-window counter kept in MongoDB, so every stateless instance shares it; past
 * `limit` throws `rate_limited` with the seconds until the window ends.
 *
 * Each allowed hit claims a numbered slot `<scope>:<windowStart>#<n>` (n ≤ limit) under the unique index
 * on `key`. A `$inc` counter would be simpler, but FerretDB 1.x runs `$inc` as read-then-write and loses
 * concurrent updates (measured: 20 concurrent increments → 6), whereas a unique index refuses a second
 * claim of the same slot on every engine, so at most `limit` hits pass however many instances race.
 */
export async function hitRateLimit({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { scope: string; limit: number; windowMs: number };
}): Promise<void> {
  const now = ctx.now().getTime();
  const windowStart = Math.floor(now / input.windowMs) * input.windowMs;
  const bucket = `${input.scope}:${windowStart}`;
  const expiresAt = new Date(windowStart + input.windowMs);
  // Exactly the keys starting with `<bucket>#` ("$" follows "#"): an index range, no regex.
  const taken = await ctx.c.rateBuckets.countDocuments({ key: { $gte: `${bucket}#`, $lt: `${bucket}$` } });
  for (let slot = taken + 1; slot <= input.limit; slot++) {
    try {
      await ctx.c.rateBuckets.insertOne({
        _id: new ObjectId(),
        key: `${bucket}#${slot}`,
        count: slot,
        expiresAt,
      });
    } catch (error) {
      if (isDuplicateKey(error)) continue; // a concurrent hit claimed this slot first: try the next
      throw error;
    }
    // No TTL index on FerretDB: whoever opens a new window sweeps the expired ones.
    if (slot === 1) await ctx.c.rateBuckets.deleteMany({ expiresAt: { $lte: new Date(now) } });
    return;
  }
  throw new AppError("rate_limited", {
    retryAfterSeconds: Math.max(1, Math.ceil((expiresAt.getTime() - now) / 1000)),
  });
}
