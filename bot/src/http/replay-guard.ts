import { createHash } from "node:crypto";
import { type Collection, ObjectId } from "mongodb";
import { isDuplicateKey } from "../../../server/src/index.ts";
import type { SlackRequestDoc } from "../store.ts";

/**
 * Remembers each accepted Slack request for as long as it could come back: its signature (a replay of
 * the exact request is refused) and its body's hash (a Slack retry is re-signed but carries the same
 * body, and must not run an interaction twice). One insert per request, decided by the unique index
 * on `signature`; the engines have no TTL indexes, so expiry is checked in every query and old rows are
 * swept on each write.
 */
export function replayGuard(requests: Collection<SlackRequestDoc>, windowSeconds: number) {
  // A signature is accepted while its timestamp is within the window of our clock, so up to
  // 2 × window from now; Slack's retries (at once, after 1 and after 5 minutes) fall inside that too.
  const keepMs = 2 * windowSeconds * 1000;
  const hashOf = (rawBody: string) => createHash("sha256").update(rawBody).digest("hex");

  return {
    /** True when a request with this body was accepted and not released: a retry need not run again. */
    async handledBefore(rawBody: string, now: Date): Promise<boolean> {
      const found = await requests.findOne({ bodyHash: hashOf(rawBody), expiresAt: { $gt: now } });
      return found !== null;
    },

    /** Remembers the request; "replayed" when this exact signature was already accepted. */
    async accept(signature: string, rawBody: string, now: Date): Promise<ObjectId | "replayed"> {
      await requests.deleteMany({ expiresAt: { $lte: now } });
      const doc = { signature, bodyHash: hashOf(rawBody), expiresAt: new Date(now.getTime() + keepMs) };
      // Twice at most: a row that expired after the sweep (another instance's clock) is removed, then retried.
      for (let attempt = 0; attempt < 2; attempt++) {
        const _id = new ObjectId();
        try {
          await requests.insertOne({ _id, ...doc });
          return _id;
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
        }
        if (await requests.findOne({ signature, expiresAt: { $gt: now } })) return "replayed";
        await requests.deleteOne({ signature, expiresAt: { $lte: now } });
      }
      return "replayed";
    },

    /** Forgets the body of a request whose handling failed, so Slack's retry runs it again. */
    async release(id: ObjectId): Promise<void> {
      await requests.updateOne({ _id: id }, { $set: { bodyHash: null } });
    },
  };
}

export type ReplayGuard = ReturnType<typeof replayGuard>;
