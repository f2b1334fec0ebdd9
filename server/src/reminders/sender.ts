import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "mongodb";
import { createCtx } from "../shared/context.ts";
import type { EventBus } from "../shared/events.ts";
import type { ReminderChannel } from "./channels.ts";
import { deliverOccurrence, type Verdict } from "./deliver.ts";
import type { ReminderOccurrenceDoc } from "./documents.ts";

/**
 * `concurrency`: sends in flight per instance. One at a time, 1,000 referents × (push + Slack) took 24–49 s
 * from due to last delivery (`npm run bench -- notifications`): each send waits on the far side.
 */
export const SENDER_DEFAULTS = { pollMs: 1000, leaseMs: 60_000, maxAttempts: 8, concurrency: 8 } as const;
/** Retries of an unconfirmed send wait 30 s, 1 min, 2 min… at most an hour, unless the far side said. */
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_CAP_MS = 3_600_000;
const RECHECK_MS = 10;

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
  log?: (line: string) => void;
};

export type ReminderSender = {
  readonly instanceId: string;
  start(): void;
  /** Stops claiming and waits for the send in flight, at most `waitMs`: the rest is retaken after its lease. */
  stop(options?: { waitMs?: number }): Promise<void>;
  /** Resolves once no occurrence is due or being sent now (on the injected clock). */
  drain(options?: { timeoutMs?: number }): Promise<void>;
  wake(): void;
};

/**
 * Sends the reminder occurrences as they fall due, in the dispatcher's process. Each is claimed with ONE
 * guarded update (`pending` and due, or `sending` with an expired lease → `sending`, leased to this
 * instance), so of any number of senders on one database exactly one sends it; the outcome is written
 * back guarded by the claim. Unconfirmed sends go back to `pending` with backoff, `failed` after
 * `maxAttempts`. A crash after the far side took a message but before the outcome was written means a
 * second send when the lease expires: at least once there, once everywhere else.
 */
export function createReminderSender(options: ReminderSenderOptions): ReminderSender {
  const now = options.now ?? (() => new Date());
  const ctx = createCtx({ db: options.db, bus: options.bus, now });
  const pollMs = options.pollMs ?? SENDER_DEFAULTS.pollMs;
  const leaseMs = options.leaseMs ?? SENDER_DEFAULTS.leaseMs;
  const maxAttempts = options.maxAttempts ?? SENDER_DEFAULTS.maxAttempts;
  const concurrency = options.concurrency ?? SENDER_DEFAULTS.concurrency;
  const log = options.log ?? ((line) => console.warn(line));
  const instanceId =
    options.instanceId ?? `${hostname()}:${process.pid}:reminders:${randomBytes(3).toString("hex")}`;
  const channels = new Map(options.channels.map((channel) => [channel.name, channel]));
  const occurrences = ctx.c.reminderOccurrences;
  let going = false;
  let timer: NodeJS.Timeout | null = null;
  let round: Promise<void> | null = null;
  let again = false;

  const claimable = () => {
    const at = now();
    return {
      $or: [
        { state: "pending" as const, dueAt: { $lte: at } },
        { state: "sending" as const, leaseUntil: { $lte: at } },
      ],
    };
  };

  async function claim(): Promise<ReminderOccurrenceDoc | null> {
    const at = now();
    return occurrences.findOneAndUpdate(
      claimable(),
      {
        $set: {
          state: "sending",
          owner: instanceId,
          leaseUntil: new Date(at.getTime() + leaseMs),
          updatedAt: at,
        },
        $inc: { attempts: 1 },
      },
      { sort: { dueAt: 1 }, returnDocument: "after" },
    );
  }

  async function settle(o: ReminderOccurrenceDoc, verdict: Verdict): Promise<void> {
    const at = now();
    const set =
      verdict.state === "sent"
        ? { state: "sent" as const, sentVia: verdict.via, sentAt: at, reason: null }
        : verdict.state === "retry"
          ? o.attempts >= maxAttempts
            ? { state: "failed" as const, reason: `after ${o.attempts} attempts: ${verdict.reason}` }
            : {
                state: "pending" as const,
                reason: verdict.reason,
                dueAt: new Date(at.getTime() + (verdict.retryAfterMs ?? backoffMs(o.attempts))),
              }
          : { state: verdict.state, reason: verdict.reason };
    const written = await occurrences.updateOne(
      { _id: o._id, state: "sending", owner: instanceId },
      { $set: { ...set, owner: null, leaseUntil: null, updatedAt: at } },
    );
    if (written.modifiedCount === 0)
      log(`[reminders] ${o._id.toHexString()}: lease lost before its outcome (${set.state}) was written`);
    if (set.state === "dropped" || set.state === "failed")
      log(`[reminders] ${o.kind} ${o._id.toHexString()} ${set.state}: ${set.reason}`);
  }

  async function runOne(o: ReminderOccurrenceDoc): Promise<void> {
    if (o.attempts > maxAttempts) {
      await settle(o, { state: "failed", reason: "lease expired on every attempt" });
      return;
    }
    let verdict: Verdict;
    try {
      verdict = await deliverOccurrence(ctx, o, channels, options.publicUrl);
    } catch (error) {
      verdict = {
        state: "retry",
        retryAfterMs: null,
        reason: error instanceof Error ? error.message : String(error),
      };
    }
    await settle(o, verdict);
  }

  function wake(): void {
    if (!going) return;
    if (round) {
      again = true;
      return;
    }
    round = (async () => {
      do {
        again = false;
        // Each worker claims its own occurrence (the guarded claim gives each to one), until none is due.
        const worker = async () => {
          for (let o = await claim(); o && going; o = going ? await claim() : null) await runOne(o);
        };
        await Promise.all(Array.from({ length: concurrency }, worker));
      } while (again && going);
    })()
      .catch((error: unknown) =>
        log(`[reminders] sending failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        round = null;
      });
  }

  return {
    instanceId,
    start() {
      if (going) return;
      going = true;
      timer = setInterval(wake, pollMs);
      timer.unref();
      wake();
    },
    async stop({ waitMs = leaseMs } = {}) {
      going = false;
      if (timer) clearInterval(timer);
      timer = null;
      if (round) await Promise.race([round, sleep(waitMs, undefined, { ref: false })]);
    },
    async drain({ timeoutMs = 10_000 } = {}) {
      if (!going) throw new Error("[reminders] drain() needs a started sender");
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        wake();
        while (round) await round;
        const busy =
          (await occurrences.countDocuments(claimable())) +
          (await occurrences.countDocuments({ state: "sending", leaseUntil: { $gt: now() } }));
        if (busy === 0) return;
        if (Date.now() >= deadline)
          throw new Error(`[reminders] drain: ${busy} occurrences still due or sending`);
        await sleep(RECHECK_MS);
      }
    },
    wake,
  };
}

function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}
