import { type Collection, type Db, MongoBulkWriteError, ObjectId } from "mongodb";
import type { AuditDoc } from "../audit/documents.ts";
import { markDispatched, undispatchedRecords } from "../audit/undispatched.ts";
import { isDuplicateKey } from "../shared/errors.ts";
import { type DeliveryDoc, dispatchCollections } from "./documents.ts";
import type { DispatchSubscriber } from "./subscriber.ts";

/** Records read per round of the fan-out. */
const BATCH = 100;

/**
 * Turns every record still marked `dispatch: "pending"` into one delivery per subscriber interested in
 * its type, then marks the record `done`. Safe to repeat and to run on several instances at once: a
 * delivery already made is refused by its unique index, so a crash between the two steps only makes the
 * next run redo the first. Returns how many records it fanned out.
 */
export async function fanOut(args: {
  db: Db;
  now: () => Date;
  subscribers: readonly DispatchSubscriber[];
  /** Checked between rounds, so a stopping dispatcher does not start another. */
  going: () => boolean;
}): Promise<number> {
  const deliveries = dispatchCollections(args.db).deliveries;
  let fannedOut = 0;
  while (args.going()) {
    const records = await undispatchedRecords(args.db, BATCH);
    const made = records.flatMap((record) =>
      args.subscribers
        .filter((subscriber) => record.type && subscriber.types.includes(record.type))
        .map((subscriber) => newDelivery(record, subscriber.name, args.now())),
    );
    if (made.length > 0) await insertAllOnce(deliveries, made);
    // Only once every delivery exists: until then a record holds back the rest of its stream.
    await markDispatched(
      args.db,
      records.map((record) => record._id),
    );
    fannedOut += records.length;
    if (records.length < BATCH) break;
  }
  return fannedOut;
}

/** Inserts the deliveries, skipping those already made (by an earlier run or another instance). */
async function insertAllOnce(deliveries: Collection<DeliveryDoc>, made: DeliveryDoc[]): Promise<void> {
  try {
    await deliveries.insertMany(made, { ordered: false });
  } catch (error) {
    // Unordered: every other delivery is inserted; only refusals other than duplicates are failures.
    const refusals = error instanceof MongoBulkWriteError ? [error.writeErrors].flat() : [];
    if (refusals.length === 0 || !refusals.every(isDuplicateKey)) throw error;
  }
}

function newDelivery(record: AuditDoc, subscriber: string, now: Date): DeliveryDoc {
  return {
    _id: new ObjectId(),
    subscriber,
    recordId: record._id,
    stream: record.stream,
    seq: record.seq,
    type: record.type ?? "",
    state: "pending",
    attempts: 0,
    dueAt: now,
    leaseUntil: null,
    owner: null,
    lastError: null,
    createdAt: now,
    doneAt: null,
    latencyMs: null,
    deadAt: null,
  };
}
