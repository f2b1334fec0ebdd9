import { ObjectId } from "mongodb";
import type { Pruner } from "../housekeeping/index.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError, isDuplicateKey } from "../shared/errors.ts";
import { type IdempotencyRecordDoc, idempotencyCollections, type StoredResponse } from "./documents.ts";

/** How long a key is remembered: a client replaying its outbox a day later still gets the first answer. */
export const RETENTION_MS = 24 * 60 * 60_000;

/** A running claim older than this is taken to be abandoned by a crashed instance (requests take ms). */
export const LEASE_MS = 30_000;

/** What a request is keyed on: who, with which key, asking for what. */
export type KeyedRequest = {
  personId: ObjectId;
  key: string;
  fingerprint: string;
  /** Remember the key at least this long (an action token lives until its deadline); else RETENTION_MS. */
  keepUntil?: Date;
};

/** The claim on a key, held by the request that runs. */
export type Claim = { recordId: ObjectId; claimId: ObjectId };

export type ClaimOutcome = { kind: "claimed"; claim: Claim } | { kind: "replay"; response: StoredResponse };

const ATTEMPTS = 5;

/**
 * Claims the key for this request, or says what the first request with it answered. The unique
 * (personId, key) index decides between concurrent first requests: one insert wins, the others find its
 * record `running` (409 `idempotency_key_in_progress`) or `done` (its answer). An expired record, or a
 * running one whose lease ran out (its instance crashed), is taken over by a guarded update on its
 * `claimId`, which exactly one taker can match. Another request under the same key is 422.
 */
export async function claimKey(ctx: Ctx, request: KeyedRequest): Promise<ClaimOutcome> {
  const now = ctx.now();
  const fresh = () => {
    const claimId = new ObjectId();
    return {
      fingerprint: request.fingerprint,
      claimId,
      state: "running" as const,
      leaseUntil: new Date(now.getTime() + LEASE_MS),
      expiresAt: new Date(Math.max(now.getTime() + RETENTION_MS, request.keepUntil?.getTime() ?? 0)),
      response: null,
      createdAt: now,
    };
  };
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const claim = fresh();
    const recordId = new ObjectId();
    try {
      await ctx.c.idempotencyRecords.insertOne({
        _id: recordId,
        personId: request.personId,
        key: request.key,
        ...claim,
      });
      return { kind: "claimed", claim: { recordId, claimId: claim.claimId } };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const existing = await ctx.c.idempotencyRecords.findOne({ personId: request.personId, key: request.key });
    if (!existing) continue; // pruned meanwhile: claim it afresh
    const expired = existing.expiresAt <= now;
    if (!expired && existing.fingerprint !== request.fingerprint)
      throw new AppError("idempotency_key_reused", { key: request.key });
    if (!expired && existing.state === "done" && existing.response)
      return { kind: "replay", response: existing.response };
    if (!expired && existing.leaseUntil > now)
      throw new AppError("idempotency_key_in_progress", { retryAfterSeconds: 1 });
    const taken = await takeOver(ctx, existing, claim);
    if (taken) return { kind: "claimed", claim: { recordId: existing._id, claimId: claim.claimId } };
  }
  throw new AppError("idempotency_key_in_progress", { retryAfterSeconds: 1 });
}

/** Expired, or abandoned while running: the one taker whose guard matches the record's claimId wins. */
async function takeOver(
  ctx: Ctx,
  existing: IdempotencyRecordDoc,
  claim: Omit<IdempotencyRecordDoc, "_id" | "personId" | "key">,
) {
  const result = await ctx.c.idempotencyRecords.updateOne(
    { _id: existing._id, claimId: existing.claimId },
    { $set: claim },
  );
  return result.modifiedCount === 1;
}

/** Stores the answer for the repeats; only the claim's holder can. */
export async function storeResponse(ctx: Ctx, claim: Claim, response: StoredResponse): Promise<void> {
  await ctx.c.idempotencyRecords.updateOne(
    { _id: claim.recordId, claimId: claim.claimId },
    { $set: { state: "done", response } },
  );
}

/** Gives the key back (a 5xx, or the request failed before answering): a retry runs the request again. */
export async function releaseClaim(ctx: Ctx, claim: Claim): Promise<void> {
  await ctx.c.idempotencyRecords.deleteOne({ _id: claim.recordId, claimId: claim.claimId });
}

/**
 * No TTL index on the embedded engine: expired records (already treated as absent, and taken over by
 * a guarded update) are swept hourly by housekeeping, off the request path.
 */
export const expiredIdempotencyRecordsPruner: Pruner = {
  name: "idempotency",
  prune: async (db, now) =>
    (await idempotencyCollections(db).idempotencyRecords.deleteMany({ expiresAt: { $lte: now } }))
      .deletedCount,
};
