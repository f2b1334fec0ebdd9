import { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { requireActor } from "../shared/policy.ts";
import { recordSubscriptionChange } from "./audit.ts";
import type { PushSubscriptionDoc } from "./documents.ts";
import { checkEndpoint, checkKeys, endpointHash } from "./rules.ts";

/** A browser's `PushSubscription.toJSON()`, with how the person calls the device and what it replaces. */
export type PushSubscriptionInput = {
  endpoint: string;
  /** Milliseconds since the epoch, as the browser gives it, or null. */
  expirationTime?: number | null;
  keys: { p256dh: string; auth: string };
  userAgent?: string | null;
  label?: string | null;
  /** On `pushsubscriptionchange`: the endpoint this one takes over from, removed in the same call. */
  replaces?: string;
};

type Stored = Omit<PushSubscriptionDoc, "_id" | "createdAt" | "updatedAt">;

/**
 * Registers the calling browser for Web Push, for the acting person. One subscription per endpoint:
 * posting it again updates it, and a browser that another person had registered (a shared device)
 * moves to the caller, since pushes go to whoever uses the browser now. With `replaces`, the caller's
 * subscription at that old endpoint is removed once the new one is stored, so a failure in between
 * leaves both (the dead one is dropped at its first push) rather than none. Audited on the person,
 * without keys or URLs; a repeat that changes nothing is not.
 */
export async function subscribeToPush({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: PushSubscriptionInput & { serviceHosts: readonly string[] };
}): Promise<PushSubscriptionDoc> {
  const actor = requireActor(ctx);
  const endpoint = checkEndpoint(input.endpoint, input.serviceHosts);
  const wanted: Stored = {
    personId: actor.personId,
    endpoint,
    endpointHash: endpointHash(endpoint),
    expirationTime: input.expirationTime == null ? null : new Date(input.expirationTime),
    keys: checkKeys(input.keys),
    userAgent: input.userAgent?.trim() || null,
    label: input.label?.trim() || null,
  };
  const { before, after } = await upsert(ctx, wanted);
  const mine = before?.personId.equals(actor.personId) ?? false;
  if (before && !mine)
    await recordSubscriptionChange(ctx, before.personId, "push_subscription.moved", { before, after: null });
  if (!mine)
    await recordSubscriptionChange(ctx, actor.personId, "push_subscription.added", { before: null, after });
  else if (before && !sameSubscription(before, wanted))
    await recordSubscriptionChange(ctx, actor.personId, "push_subscription.updated", { before, after });

  if (input.replaces !== undefined && input.replaces !== endpoint) {
    const replaced = await ctx.c.pushSubscriptions.findOneAndDelete({
      endpointHash: endpointHash(input.replaces),
      personId: actor.personId,
    });
    if (replaced)
      await recordSubscriptionChange(ctx, actor.personId, "push_subscription.replaced", {
        before: replaced,
        after: null,
        note: { replacedBy: after._id },
      });
  }
  return after;
}

/**
 * Stores the subscription under its endpoint in one atomic write; returns what was there before. Two
 * first posts of one endpoint racing cannot make two documents: the filter is an equality on the unique
 * index's one field, so MongoDB (4.2+) retries the losing upsert as an update itself, and the embedded
 * engine runs them one at a time.
 */
async function upsert(ctx: Ctx, wanted: Stored) {
  const now = ctx.now();
  const created = { _id: new ObjectId(), createdAt: now };
  // The filter's field is left out of $set: an insert takes it from the filter, and an update that
  // named it would not be retried.
  const { endpointHash, ...fields } = wanted;
  const before = await ctx.c.pushSubscriptions.findOneAndUpdate(
    { endpointHash },
    { $set: { ...fields, updatedAt: now }, $setOnInsert: created },
    { upsert: true, returnDocument: "before" },
  );
  const kept = before ? { _id: before._id, createdAt: before.createdAt } : created;
  const after: PushSubscriptionDoc = { ...kept, ...wanted, updatedAt: now };
  return { before, after };
}

function sameSubscription(a: PushSubscriptionDoc, b: Stored): boolean {
  return (
    a.personId.equals(b.personId) &&
    a.endpoint === b.endpoint &&
    a.keys.p256dh === b.keys.p256dh &&
    a.keys.auth === b.keys.auth &&
    (a.expirationTime?.getTime() ?? null) === (b.expirationTime?.getTime() ?? null) &&
    a.userAgent === b.userAgent &&
    a.label === b.label
  );
}
