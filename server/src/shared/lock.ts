import { randomBytes } from "node:crypto";
import type { Ctx } from "./context.ts";
import { AppError, isDuplicateKey } from "./errors.ts";

/** A lock older than this belongs to a request that died mid-way and may be taken over. */
const STALE_AFTER_MS = 30_000;

/**
 * Serialises changes guarded by a condition on a document (closing a designation, notifying a
 * withdrawal, consuming a login link). FerretDB 1.x evaluates a conditional update as a read then a
 * write, so two concurrent `{to: null}` updates can both match; an insert into a unique `_id` is the
 * one atomic primitive both it and MongoDB offer, so writers take a lock first and a concurrent one gets
 * 409 `concurrent_change`. Wall-clock time on purpose: it is not a domain date.
 */
export async function withLock<T>(ctx: Ctx, key: string, work: () => Promise<T>): Promise<T> {
  const _id = key;
  const owner = randomBytes(8).toString("hex");
  if (!(await tryTake(ctx, _id, owner))) {
    const held = await ctx.c.locks.findOne({ _id });
    const stale = held && Date.now() - held.takenAt.getTime() > STALE_AFTER_MS;
    if (stale) await ctx.c.locks.deleteOne({ _id, owner: held.owner });
    if (!stale || !(await tryTake(ctx, _id, owner))) throw new AppError("concurrent_change", { lock: key });
  }
  try {
    return await work();
  } finally {
    await ctx.c.locks.deleteOne({ _id, owner });
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
