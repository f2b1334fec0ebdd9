import type { Db, ObjectId } from "mongodb";
import type { StoredEvent } from "../shared/events.ts";
import { eventOf } from "../shared/record.ts";
import { type AuditDoc, auditCollections } from "./documents.ts";

/**
 * The records whose event the dispatcher has still to fan out (`dispatch: "pending"`, set by
 * recordChange in the record's own insert), oldest first; served by the `{ dispatch: 1 }` index.
 */
export async function undispatchedRecords(db: Db, limit: number): Promise<AuditDoc[]> {
  return auditCollections(db).audit.find({ dispatch: "pending" }).sort({ _id: 1 }).limit(limit).toArray();
}

/** Marks records as fanned out: every delivery they need exists. */
export async function markDispatched(db: Db, ids: readonly ObjectId[]): Promise<void> {
  if (ids.length === 0) return;
  await auditCollections(db).audit.updateMany(
    { _id: { $in: [...ids] }, dispatch: "pending" },
    { $set: { dispatch: "done" } },
  );
}

/** True while any record still waits for its fan-out. */
export async function anyUndispatched(db: Db): Promise<boolean> {
  return (
    (await auditCollections(db).audit.findOne({ dispatch: "pending" }, { projection: { _id: 1 } })) !== null
  );
}

/**
 * True when a record earlier in `stream` than `seq` still waits for its fan-out: its deliveries may not
 * exist yet, so nothing later in the stream may be delivered (per-stream order). Served by the unique
 * (stream, seq) index.
 */
export async function undispatchedBefore(db: Db, stream: string, seq: number): Promise<boolean> {
  const earlier = await auditCollections(db).audit.findOne(
    { stream, seq: { $lt: seq }, dispatch: "pending" },
    { projection: { _id: 1 } },
  );
  return earlier !== null;
}

/** The event stored in a record, or null when the record is gone or carries none. */
export async function storedEvent(db: Db, id: ObjectId): Promise<StoredEvent | null> {
  const record = await auditCollections(db).audit.findOne({ _id: id });
  return record ? eventOf(record) : null;
}
