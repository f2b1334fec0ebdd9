import type { PushSubscriptionDoc } from "./documents.ts";

/** The push service a subscription goes through (`https://fcm.googleapis.com`), for lists and the audit. */
export const pushServiceOf = (doc: Pick<PushSubscriptionDoc, "endpoint">) => new URL(doc.endpoint).origin;

/** JSON view of one of the reader's own subscriptions: everything but the keys. */
export function presentPushSubscription(doc: PushSubscriptionDoc) {
  return {
    id: doc._id.toHexString(),
    endpoint: doc.endpoint,
    pushService: pushServiceOf(doc),
    expirationTime: doc.expirationTime?.toISOString() ?? null,
    userAgent: doc.userAgent,
    label: doc.label,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}
