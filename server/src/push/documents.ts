import type { Db, ObjectId } from "mongodb";

/**
 * One browser's Web Push subscription (its `PushSubscription.toJSON()`), held for the person who last
 * registered it. One document per endpoint, found by `endpointHash` (unique): a browser posting the same
 * endpoint again updates it, whoever posts it.
 */
export type PushSubscriptionDoc = {
  _id: ObjectId;
  personId: ObjectId;
  /** The push service's URL for this browser (https); never shown to anyone but its person. */
  endpoint: string;
  /** SHA-256 (hex) of the endpoint: endpoints are long URLs, the hash keeps the unique index small. */
  endpointHash: string;
  /** When the push service will drop the subscription, if the browser said. */
  expirationTime: Date | null;
  /** The browser's P-256 public key and auth secret (base64url) the payload is encrypted for; never echoed back. */
  keys: { p256dh: string; auth: string };
  /** What the browser or the person called this device, so they can tell their devices apart. */
  userAgent: string | null;
  label: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** The installation's VAPID key pair (RFC 8292), kept under one fixed `_id` so every instance signs alike. */
export type VapidKeysDoc = {
  _id: "vapid";
  publicKey: string;
  privateKey: string;
  createdAt: Date;
};

/** Typed handles on the collections the push feature owns; the only place their names are spelled. */
export function pushCollections(db: Db) {
  return {
    pushSubscriptions: db.collection<PushSubscriptionDoc>("pushSubscriptions"),
    vapidKeys: db.collection<VapidKeysDoc>("vapidKeys"),
  };
}
