import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { requireActor } from "../shared/policy.ts";
import { recordSubscriptionChange } from "./audit.ts";

/** Removes one of the acting person's push subscriptions; anyone else's is 404, as if it did not exist. */
export async function unsubscribeFromPush({ ctx, input }: { ctx: Ctx; input: { id: ObjectId } }) {
  const actor = requireActor(ctx);
  const removed = await ctx.c.pushSubscriptions.findOneAndDelete({ _id: input.id, personId: actor.personId });
  if (!removed) throw new AppError("not_found", { entity: "pushSubscription" });
  await recordSubscriptionChange(ctx, actor.personId, "push_subscription.removed", {
    before: removed,
    after: null,
  });
}
