import { randomBytes } from "node:crypto";
import type { Db } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { isDuplicateKey } from "../shared/errors.ts";
import { rsvpActionCollections } from "./documents.ts";

const SECRET_ID = "rsvp-actions";

// Read once per database handle: every request verifying a token would otherwise read it again.
const loaded = new WeakMap<Db, Promise<Buffer>>();

/**
 * The installation's signing key for action tokens: the stored one, else a new one stored under a fixed
 * `_id`. Instances starting together may each generate one; the unique `_id` lets one insert win and the
 * others read the winner's, so every instance signs and verifies with the same key.
 */
export function actionSecret(ctx: Ctx): Promise<Buffer> {
  let secret = loaded.get(ctx.db);
  if (!secret) {
    secret = loadOrCreate(ctx).catch((error) => {
      loaded.delete(ctx.db);
      throw error;
    });
    loaded.set(ctx.db, secret);
  }
  return secret;
}

async function loadOrCreate(ctx: Ctx): Promise<Buffer> {
  const { rsvpActionSecrets } = rsvpActionCollections(ctx.db);
  const existing = await rsvpActionSecrets.findOne({ _id: SECRET_ID });
  if (existing) return Buffer.from(existing.secret, "base64url");
  const secret = randomBytes(32).toString("base64url");
  try {
    await rsvpActionSecrets.insertOne({ _id: SECRET_ID, secret, createdAt: new Date() });
    return Buffer.from(secret, "base64url");
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const winner = await rsvpActionSecrets.findOne({ _id: SECRET_ID });
    if (!winner) throw error;
    return Buffer.from(winner.secret, "base64url");
  }
}
