import type { Db, Filter, ObjectId } from "mongodb";
import { anyUndispatched, undispatchedBefore } from "../audit/undispatched.ts";
import { type DeliveryDoc, dispatchCollections } from "./documents.ts";

/** Candidates read per batch of the claim scan. */
const SCAN_BATCH = 20;

export type ClaimOptions = {
  db: Db;
  now: () => Date;
  /** The subscribers this instance runs: it claims only their deliveries. */
  subscribers: readonly string[];
  owner: string;
  leaseMs: number;
  maxAttempts: number;
};

/** What a claim got: the delivery as it now stands, running under this instance's lease. */
export type Claimed = DeliveryDoc & { state: "running"; owner: string; leaseUntil: Date };

/**
 * Claims the next delivery this instance may run, or returns null when none is claimable now. Takes a
 * pending one that is due, or a running one whose lease expired (its instance is presumed dead: at least
 * once), but only when it is next in its stream for its subscriber. The claim itself is one guarded
 * update, so of several instances racing for a delivery exactly one gets it.
 */
export async function claimNext(options: ClaimOptions): Promise<Claimed | null> {
  const at = options.now();
  for await (const candidate of claimable(options, at)) {
    const claimed = await claim(options, candidate, at);
    if (claimed) return claimed;
  }
  return null;
}

/** True when some delivery could be claimed now (for drain: nothing claimable, nothing running = idle). */
export async function anyClaimable(options: ClaimOptions): Promise<boolean> {
  for await (const _ of claimable(options, options.now())) return true;
  return false;
}

/** The deliveries claimable at `at`, oldest first, each checked to be next in its stream. */
async function* claimable(options: ClaimOptions, at: Date): AsyncGenerator<DeliveryDoc> {
  const deliveries = dispatchCollections(options.db).deliveries;
  const ours = { $in: [...options.subscribers] };
  const queries: Filter<DeliveryDoc>[] = [
    { state: "pending", dueAt: { $lte: at }, subscriber: ours },
    { state: "running", leaseUntil: { $lte: at }, subscriber: ours },
  ];
  // Where each stream is held back from, for the rest of the scan. A running delivery holds back what
  // follows it (read first: one that ends meanwhile only leaves its successor to the next look), and so
  // does every candidate seen (it is pending or running, whatever happens to it now): a queue costs one
  // check for its head, and never hides a ready delivery of another stream.
  const blockedFrom = new Map<string, number>();
  const holdBack = (delivery: Pick<DeliveryDoc, "subscriber" | "stream">, fromSeq: number) => {
    const key = keyOf(delivery);
    blockedFrom.set(key, Math.min(blockedFrom.get(key) ?? Number.POSITIVE_INFINITY, fromSeq));
  };
  const running = await deliveries
    .find({ state: "running", subscriber: ours }, { projection: { subscriber: 1, stream: 1, seq: 1 } })
    .toArray();
  for (const delivery of running) holdBack(delivery, delivery.seq + 1);
  for (const query of queries) {
    let after: ObjectId | null = null;
    for (;;) {
      const page: Filter<DeliveryDoc> = after ? { ...query, _id: { $gt: after } } : query;
      const batch = await deliveries.find(page).sort({ _id: 1 }).limit(SCAN_BATCH).toArray();
      // Read after the batch, so it holds for each record behind it (see waitsForEarlier).
      const fanOutPending = await anyUndispatched(options.db);
      for (const candidate of batch) {
        if (candidate.seq >= (blockedFrom.get(keyOf(candidate)) ?? Number.POSITIVE_INFINITY)) continue;
        holdBack(candidate, candidate.seq + 1);
        if (await waitsForEarlier(options.db, candidate, fanOutPending)) {
          holdBack(candidate, candidate.seq);
          continue;
        }
        yield candidate;
      }
      if (batch.length < SCAN_BATCH) break;
      after = (batch.at(-1) as DeliveryDoc)._id;
    }
  }
}

const keyOf = (delivery: Pick<DeliveryDoc, "subscriber" | "stream">) =>
  `${delivery.subscriber}\n${delivery.stream}`;

/**
 * True while something earlier in the delivery's stream is still to be delivered to its subscriber: a
 * record not yet fanned out, or a delivery pending or running (done and dead ones do not hold the
 * stream up). The records are checked first and after the delivery was read: a record marked done then
 * has all its deliveries made, so the second check sees them; and one stored after the delivery was read
 * comes later in its stream. So when no record at all awaits its fan-out (`fanOutPending` false, looked
 * at after reading the delivery), the per-stream look is skipped.
 */
async function waitsForEarlier(db: Db, delivery: DeliveryDoc, fanOutPending: boolean): Promise<boolean> {
  if (fanOutPending && (await undispatchedBefore(db, delivery.stream, delivery.seq))) return true;
  const earlier = await dispatchCollections(db).deliveries.findOne(
    {
      stream: delivery.stream,
      subscriber: delivery.subscriber,
      seq: { $lt: delivery.seq },
      state: { $in: ["pending", "running"] },
    },
    { projection: { _id: 1 } },
  );
  return earlier !== null;
}

/**
 * The guarded claim: only from the state the candidate was read in (pending and due, or running with
 * the same expired lease and attempt count), so one instance alone wins it. A lease that expired on the
 * last allowed attempt makes the delivery dead instead (a handler that kills its instance every time).
 * Reads the document before the update, as the embedded engine's `after` may already hold a later change.
 */
async function claim(options: ClaimOptions, candidate: DeliveryDoc, at: Date): Promise<Claimed | null> {
  const deliveries = dispatchCollections(options.db).deliveries;
  const guard: Filter<DeliveryDoc> =
    candidate.state === "pending"
      ? { _id: candidate._id, state: "pending", dueAt: { $lte: at } }
      : { _id: candidate._id, state: "running", leaseUntil: { $lte: at }, attempts: candidate.attempts };
  if (candidate.state === "running" && candidate.attempts >= options.maxAttempts) {
    await deliveries.updateOne(guard, {
      $set: {
        state: "dead",
        deadAt: at,
        leaseUntil: null,
        lastError: `lease expired on attempt ${candidate.attempts}: the handler never finished`,
      },
    });
    return null;
  }
  const leaseUntil = new Date(at.getTime() + options.leaseMs);
  const before = await deliveries.findOneAndUpdate(
    guard,
    { $set: { state: "running", leaseUntil, owner: options.owner }, $inc: { attempts: 1 } },
    { returnDocument: "before" },
  );
  if (!before) return null;
  return { ...before, state: "running", owner: options.owner, leaseUntil, attempts: before.attempts + 1 };
}
