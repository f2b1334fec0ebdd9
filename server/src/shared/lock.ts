import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Ctx } from "./context.ts";
import { AppError, isDuplicateKey } from "./errors.ts";

/** A lock older than this belongs to a request that died mid-way and may be taken over. */
const STALE_AFTER_MS = 30_000;
/** How long a writer waits for a busy lock before answering 409 `concurrent_change`. */
const WAIT_MS = 3_000;

/**
 * Serialises work that must change several documents consistently, across requests and instances
 * (MongoDB has no multi-document atomicity without transactions, which the embedded engine lacks).
 * A change to ONE document needs no lock: use a guarded `findOneAndUpdate`, `$inc`, an upsert or
 * `changeGuarded` (guarded-change.ts). The lock is a document inserted under a unique `_id`; writers
 * queue briefly for it, then get 409. Wall-clock time on purpose: it is not a domain date.
 */
export async function withLock<T>(ctx: Ctx, key: string, work: () => Promise<T>): Promise<T> {
  const owner = randomBytes(8).toString("hex");
  const deadline = Date.now() + WAIT_MS;
  let delay = 5;
  while (!(await tryTake(ctx, key, owner))) {
    const held = await ctx.c.locks.findOne({ _id: key });
    if (held && Date.now() - held.takenAt.getTime() > STALE_AFTER_MS) {
      await ctx.c.locks.deleteOne({ _id: key, owner: held.owner });
      continue;
    }
    if (Date.now() > deadline) throw new AppError("concurrent_change", { lock: key });
    await sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 100);
  }
  try {
    return await work();
  } finally {
    await ctx.c.locks.deleteOne({ _id: key, owner });
  }
}

async function tryTake(ctx: Ctx, _id: string, owner: string): Promise<boolean> {
  try {
    await ctx.c.locks.insertOne({ _id, owner, takenAt: new Date() });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}
