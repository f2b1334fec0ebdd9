import type { Db, ObjectId } from "mongodb";

/** The answer kept for a repeat: what the first request got back (never a 5xx). */
export type StoredResponse = { status: number; contentType: string | null; body: string };

/**
 * One person's use of one `Idempotency-Key` (unique on personId + key). `running` from the claim until
 * the answer is stored; `claimId` changes at every claim, so only the claim's holder may finish or
 * release it, and only one of several instances may take over an expired record.
 */
export type IdempotencyRecordDoc = {
  _id: ObjectId;
  personId: ObjectId;
  key: string;
  /** SHA-256 of method, path and body: the same key with another request is a client bug. */
  fingerprint: string;
  claimId: ObjectId;
  state: "running" | "done";
  /** A running claim older than this was abandoned (a crash): a repeat may run the request again. */
  leaseUntil: Date;
  /** After this the record counts as absent (the embedded engine has no TTL index). */
  expiresAt: Date;
  response: StoredResponse | null;
  createdAt: Date;
};

/** Typed handles on the collections the idempotency feature owns; the only place their names are spelled. */
export function idempotencyCollections(db: Db) {
  return {
    idempotencyRecords: db.collection<IdempotencyRecordDoc>("idempotencyRecords"),
  };
}
