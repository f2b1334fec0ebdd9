import type { Db } from "mongodb";
import webpush from "web-push";
import type { Config } from "../config.ts";
import { isDuplicateKey } from "../shared/errors.ts";
import { pushCollections } from "./documents.ts";

/** What signs this installation's push requests (RFC 8292): the key pair and the contact for push services. */
export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

const VAPID_ID = "vapid";

/**
 * The installation's VAPID keys: the configured pair, else the one stored in the database, else a new
 * pair generated now and stored under a fixed `_id`. Instances starting together may each generate one;
 * the unique `_id` lets one insert win and the others read the winner's, so every instance signs with the
 * same key, the one browsers subscribed with. Changing the keys would orphan every subscription.
 */
export async function loadVapidKeys(db: Db, config: Pick<Config, "push">): Promise<VapidKeys> {
  const { subject, vapidKeys } = config.push;
  if (vapidKeys) return { ...vapidKeys, subject };
  const { vapidKeys: stored } = pushCollections(db);
  const existing = await stored.findOne({ _id: VAPID_ID });
  if (existing) return { publicKey: existing.publicKey, privateKey: existing.privateKey, subject };
  const fresh = webpush.generateVAPIDKeys();
  try {
    await stored.insertOne({ _id: VAPID_ID, ...fresh, createdAt: new Date() });
    return { ...fresh, subject };
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const winner = await stored.findOne({ _id: VAPID_ID });
    if (!winner) throw error;
    return { publicKey: winner.publicKey, privateKey: winner.privateKey, subject };
  }
}
