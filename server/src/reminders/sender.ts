import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { type Db, ObjectId } from "mongodb";
import { createCtx } from "../shared/context.ts";
import type { EventBus } from "../shared/events.ts";
import { createWorkerPool } from "../shared/worker-pool.ts";
import type { ReminderChannel } from "./channels.ts";
import { batchReads, deliverOccurrence, type Verdict } from "./deliver.ts";
import type { ReminderDeliveryDoc, ReminderOccurrenceDoc } from "./documents.ts";

/**
 * `concurrency`: sends in flight per instance. One at a time, 1,000 referents × (push + Slack) took 24–49 s
 * from due to last delivery (`npm run bench -- notifications`): each send waits on the far side.
 * `batchSize`: occurrences claimed with one update, and whose outcomes and delivery log are written with
 * one write each; a crash repeats at most one batch per instance (see below).
 */
export const SENDER_DEFAULTS = {
  pollMs: 1000,
  leaseMs: 60_000,
  maxAttempts: 8,
  concurrency: 8,
  batchSize: 32,
} as const;
/** Batches run at once per instance: one claims while another sends. */
const BATCHES_IN_FLIGHT = 2;
/** Retries of an unconfirmed send wait 30 s, 1 min, 2 min… at most an hour, unless the far side said. */
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_CAP_MS = 3_600_000;

export type ReminderSenderOptions = {
  db: Db;
  bus: EventBus;
  /** Push and e-mail (reminders/index.ts defaultReminderChannels) and, when Slack is on, the bot's. */
  channels: readonly ReminderChannel[];
  publicUrl: string;
  now?: () => Date;
  instanceId?: string;
  pollMs?: number;
  leaseMs?: number;
  maxAttempts?: number;
  concurrency?: number;
  batchSize?: number;
  log?: (line: string) => void;
};

export type ReminderSender = {
  readonly instanceId: string;
  start(): void;
  /** Stops claiming and waits for the sends in flight, at most `waitMs`: the rest is retaken after its lease. */
  stop(options?: { waitMs?: number }): Promise<void>;
  /** Resolves once no occurrence is due or being sent now (on the injected clock). */
  drain(options?: { timeoutMs?: number }): Promise<void>;
  wake(): void;
};

type Claimed = ReminderOccurrenceDoc & { claim: ObjectId };

/**
 * Sends the reminder occurrences as they fall due, in the dispatcher's process. A batch of due ones
 * (`pending` and due, or `sending` with an expired lease) is claimed with ONE guarded update that stamps
 * a fresh claim id, so of any number of senders on one database each occurrence goes to one claim; the
 * outcomes are written back guarded by that claim id. Unconfirmed sends go back to `pending` with
 * backoff, `failed` after `maxAttempts`. A crash after the far side took a message but before the
 * batch's outcomes were written means a second send when the lease expires: at least once there (at
 * most a batch per crashed instance), once everywhere else.
 */
export function createReminderSender(options: ReminderSenderOptions): ReminderSender {
  const now = options.now ?? (() => new Date());
  const ctx = createCtx({ db: options.db, bus: options.bus, now });
  const pollMs = options.pollMs ?? SENDER_DEFAULTS.pollMs;
  const leaseMs = options.leaseMs ?? SENDER_DEFAULTS.leaseMs;
  const maxAttempts = options.maxAttempts ?? SENDER_DEFAULTS.maxAttempts;
  const concurrency = options.concurrency ?? SENDER_DEFAULTS.concurrency;
  const batchSize = options.batchSize ?? SENDER_DEFAULTS.batchSize;
  const log = options.log ?? ((line) => console.warn(line));
  const instanceId =
    options.instanceId ?? `${hostname()}:${process.pid}:reminders:${randomBytes(3).toString("hex")}`;
  const channels = new Map(options.channels.map((channel) => [channel.name, channel]));
  const occurrences = ctx.c.reminderOccurrences;

  const claimable = (at: Date) => ({
    $or: [
      { state: "pending" as const, dueAt: { $lte: at } },
      { state: "sending" as const, leaseUntil: { $lte: at } },
    ],
  });

  /** The next batch this instance holds, or null when nothing is due; a batch lost to another instance is retried. */
  async function claimBatch(): Promise<Claimed[] | null> {
    for (;;) {
      const at = now();
      const candidates = await occurrences
        .find(claimable(at), { projection: { _id: 1 }, sort: { dueAt: 1 }, limit: batchSize })
        .toArray();
      if (candidates.length === 0) return null;
      const ids = candidates.map((candidate) => candidate._id);
      const claim = new ObjectId();
      await occurrences.updateMany(
        { _id: { $in: ids }, ...claimable(at) },
        {
          $set: {
            state: "sending",
            owner: instanceId,
            claim,
            leaseUntil: new Date(at.getTime() + leaseMs),
            updatedAt: at,
          },
          $inc: { attempts: 1 },
        },
      );
      const claimed = await occurrences.find({ _id: { $in: ids }, claim }).toArray();
      if (claimed.length > 0) return claimed as Claimed[];
    }
  }

  function outcomeOf(o: Claimed, verdict: Verdict, at: Date) {
    if (verdict.state === "sent")
      return { state: "sent" as const, sentVia: verdict.via, sentAt: at, reason: null };
    if (verdict.state !== "retry") return { state: verdict.state, reason: verdict.reason };
    if (o.attempts >= maxAttempts)
      return { state: "failed" as const, reason: `after ${o.attempts} attempts: ${verdict.reason}` };
    return {
      state: "pending" as const,
      reason: verdict.reason,
      dueAt: new Date(at.getTime() + (verdict.retryAfterMs ?? backoffMs(o.attempts))),
    };
  }

  /** Sends a batch, `concurrency` at a time, then writes its delivery log and its outcomes. */
  async function runBatch(batch: Claimed[]): Promise<void> {
    const reads = batchReads(ctx, batch);
    const results: { o: Claimed; verdict: Verdict }[] = [];
    const tries: ReminderDeliveryDoc[] = [];
    let next = 0;
    const worker = async () => {
      while (next < batch.length) {
        const o = batch[next++] as Claimed;
        if (o.attempts > maxAttempts) {
          results.push({ o, verdict: { state: "failed", reason: "lease expired on every attempt" } });
          continue;
        }
        const delivered = await deliverOccurrence(ctx, o, { channels, publicUrl: options.publicUrl, reads });
        results.push({ o, verdict: delivered.verdict });
        tries.push(...delivered.tries);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, batch.length) }, worker));
    const at = now();
    if (tries.length > 0) await ctx.c.reminderDeliveries.insertMany(tries, { ordered: false });
    const outcomes = results.map(({ o, verdict }) => ({ o, set: outcomeOf(o, verdict, at) }));
    const written = await occurrences.bulkWrite(
      outcomes.map(({ o, set }) => ({
        updateOne: {
          filter: { _id: o._id, state: "sending" as const, claim: o.claim },
          update: { $set: { ...set, owner: null, claim: null, leaseUntil: null, updatedAt: at } },
        },
      })),
      { ordered: false },
    );
    if (written.modifiedCount < outcomes.length)
      log(
        `[reminders] ${outcomes.length - written.modifiedCount} leases lost before their outcomes were written`,
      );
    for (const { o, set } of outcomes)
      if (set.state === "dropped" || set.state === "failed")
        log(`[reminders] ${o.kind} ${o._id.toHexString()} ${set.state}: ${set.reason}`);
  }

  const pool = createWorkerPool<Claimed[]>({
    name: "reminders",
    pollMs,
    concurrency: BATCHES_IN_FLIGHT,
    claim: claimBatch,
    run: runBatch,
    async busyWith() {
      const at = now();
      const due = await occurrences.countDocuments(claimable(at));
      const sending = await occurrences.countDocuments({ state: "sending", leaseUntil: { $gt: at } });
      return due + sending > 0 ? `${due} occurrences due and ${sending} being sent` : null;
    },
    report: log,
  });
  return {
    instanceId,
    start: pool.start,
    stop: ({ waitMs = leaseMs } = {}) => pool.stop({ waitMs }),
    drain: pool.drain,
    wake: pool.wake,
  };
}

function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}
