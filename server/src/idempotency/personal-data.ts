import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";

/**
 * Erasure: the stored answers may quote the person (a contribution with their name); they are a
 * day's technical memory, not a record, so they simply go. Not exported: the export already holds the
 * records they answered with.
 */
export async function eraseIdempotencyRecordsOf(ctx: Ctx, personId: ObjectId): Promise<void> {
  await ctx.c.idempotencyRecords.deleteMany({ personId });
}
