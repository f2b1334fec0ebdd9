import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";

/** Erasure (DOMAIN rule 11): the person coordinates no table any more; the tables stay. */
export async function eraseFromTableCoordinators(ctx: Ctx, personId: ObjectId): Promise<void> {
  await ctx.c.tables.updateMany({ coordinatorIds: personId }, { $pull: { coordinatorIds: personId } });
}
