import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { presentPushSubscription } from "./present.ts";

/** The browsers a person receives pushes on, for their GDPR export: as their own list shows them, keys aside. */
export async function exportPushSubscriptionsOf(ctx: Ctx, personId: ObjectId) {
  const subscriptions = await ctx.c.pushSubscriptions.find({ personId }).sort({ _id: 1 }).toArray();
  return subscriptions.map(presentPushSubscription);
}

/**
 * Erasure: every subscription of the person goes, so nothing is pushed to their devices afterwards.
 * The audit entries about them are on the person (entity `person`) and are emptied with the others.
 */
export async function erasePushSubscriptionsOf(ctx: Ctx, personId: ObjectId): Promise<void> {
  await ctx.c.pushSubscriptions.deleteMany({ personId });
}
