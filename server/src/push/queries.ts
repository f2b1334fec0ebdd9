import type { ObjectId } from "mongodb";
import type { Config } from "../config.ts";
import type { Ctx } from "../shared/context.ts";
import { requireActor } from "../shared/policy.ts";
import type { PushSubscriptionDoc } from "./documents.ts";
import { loadVapidKeys } from "./vapid.ts";

/** The acting person's own push subscriptions, oldest first. */
export async function listMyPushSubscriptions({ ctx }: { ctx: Ctx }): Promise<PushSubscriptionDoc[]> {
  const actor = requireActor(ctx);
  return pushSubscriptionsOf(ctx, actor.personId);
}

/** Every device a person receives pushes on, oldest first: what a dispatcher sends a reminder to. */
export async function pushSubscriptionsOf(ctx: Ctx, personId: ObjectId): Promise<PushSubscriptionDoc[]> {
  return ctx.c.pushSubscriptions.find({ personId }).sort({ createdAt: 1, _id: 1 }).toArray();
}

/** The public key browsers subscribe with (`applicationServerKey`); anyone may read it. */
export async function getVapidPublicKey({ ctx, config }: { ctx: Ctx; config: Pick<Config, "push"> }) {
  const { publicKey } = await loadVapidKeys(ctx.db, config);
  return publicKey;
}
