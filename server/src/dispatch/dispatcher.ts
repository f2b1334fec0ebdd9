import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "mongodb";
import { anyUndispatched, storedEvent } from "../audit/undispatched.ts";
import { createWorkerPool } from "../shared/worker-pool.ts";
import { backoffMs } from "./backoff.ts";
import { anyClaimable, type Claimed, type ClaimOptions, claimNext } from "./claim.ts";
import { dispatchCollections } from "./documents.ts";
import { fanOut } from "./fan-out.ts";
import { type Outcome, settle } from "./outcome.ts";
import { type DispatchSubscriber, PermanentFailure } from "./subscriber.ts";

export const DISPATCH_DEFAULTS = { pollMs: 1000, leaseMs: 60_000, maxAttempts: 8, concurrency: 4 } as const;

export type DispatcherOptions = {
  db: Db;
  /** The clock of dues, leases and latencies (tests move it); real time by default. */
  now?: () => Date;
  subscribers: readonly DispatchSubscriber[];
  /** Names this instance's claims; unique per process (host, pid and a random tail by default). */
  instanceId?: string;
  /** How often to look without being woken: other instances' events, due retries, expired leases. */
  pollMs?: number;
  /** How long a claim holds before another instance may take the delivery over; also a handler's time limit. */
  leaseMs?: number;
  /** Attempts before a delivery is dead. */
  maxAttempts?: number;
  /** Deliveries handled at once by this instance (never two of one stream for one subscriber). */
  concurrency?: number;
  /** The jitter of the backoff (tests fix it). */
  random?: () => number;
  /** Where failures are reported; console.warn by default. */
  log?: (line: string) => void;
};

export type Dispatcher = {
  readonly instanceId: string;
  /** Starts polling and handles what is already waiting. */
  start(): void;
  /** Stops claiming; waits for the handlers in flight, at most `waitMs` (default the lease): the rest expire and are retaken. */
  stop(options?: { waitMs?: number }): Promise<void>;
  /**
   * Resolves once nothing is left to do now: no record awaiting its fan-out, no delivery running, none
   * claimable (due, and next in its stream), on the injected clock. Rejects after `timeoutMs` of real time.
   */
  drain(options?: { timeoutMs?: number }): Promise<void>;
  /** Looks for work at once (called when this process has stored an event). */
  wake(): void;
};

/** The same failure is reported at most once in this long (a database outage would repeat it every poll). */
const REPEAT_LOG_MS = 60_000;

/**
 * The durable dispatcher: fans each stored event out into one delivery per interested subscriber, then
 * claims deliveries (one guarded update each, leased) and runs their handlers, at least once, in stream
 * order per subscriber, retrying failures with backoff until they are done or dead. Several instances
 * may run on one database; each is woken in-process by its own events and polls for the rest.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { db, subscribers } = options;
  const now = options.now ?? (() => new Date());
  const pollMs = options.pollMs ?? DISPATCH_DEFAULTS.pollMs;
  const leaseMs = options.leaseMs ?? DISPATCH_DEFAULTS.leaseMs;
  const maxAttempts = options.maxAttempts ?? DISPATCH_DEFAULTS.maxAttempts;
  const concurrency = options.concurrency ?? DISPATCH_DEFAULTS.concurrency;
  const random = options.random ?? Math.random;
  const instanceId = options.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const report = throttledLog(options.log ?? ((line) => console.warn(line)));
  const byName = new Map(subscribers.map((subscriber) => [subscriber.name, subscriber]));
  if (byName.size !== subscribers.length) throw new Error("[dispatch] subscriber names must be unique");
  const claims: ClaimOptions = {
    db,
    now,
    subscribers: [...byName.keys()],
    owner: instanceId,
    leaseMs,
    maxAttempts,
  };

  async function run(claimed: Claimed): Promise<void> {
    const outcome = await attempt(claimed);
    const state = await settle({ db, now, maxAttempts, claimed, outcome });
    if (state === "dead" && outcome.kind !== "done")
      report(
        `[dispatch] ${claimed.subscriber} gave up on ${claimed.type} ${claimed.recordId.toHexString()} after ${claimed.attempts} attempts: ${outcome.error}`,
      );
  }

  async function attempt(claimed: Claimed): Promise<Outcome> {
    const subscriber = byName.get(claimed.subscriber);
    const event = await storedEvent(db, claimed.recordId);
    if (!subscriber || !event) return { kind: "dead", error: "the record or its event is gone" };
    try {
      const result = await withinLease(() => subscriber.handle(event, claimed.attempts), leaseMs);
      if (result && typeof result.retryAfterMs === "number") {
        const retryInMs = Math.max(0, result.retryAfterMs);
        return { kind: "failed", error: `retry asked for in ${retryInMs} ms`, retryInMs };
      }
      return { kind: "done", eventAt: event.at };
    } catch (error) {
      if (error instanceof PermanentFailure) return { kind: "dead", error: describe(error) };
      return { kind: "failed", error: describe(error), retryInMs: backoffMs(claimed.attempts, random) };
    }
  }

  /** What is left to do now, in words, or null when nothing is. */
  async function busyWith(): Promise<string | null> {
    if (await anyUndispatched(db)) return "records awaiting their fan-out";
    const running = await dispatchCollections(db).deliveries.countDocuments({
      state: "running",
      subscriber: { $in: claims.subscribers },
      leaseUntil: { $gt: now() },
    });
    if (running > 0) return `${running} deliveries running`;
    if (await anyClaimable(claims)) return "deliveries ready to run";
    return null;
  }

  const pool = createWorkerPool<Claimed>({
    name: "dispatch",
    pollMs,
    concurrency,
    prepare: async (going) => {
      await fanOut({ db, now, subscribers, going });
    },
    claim: () => claimNext(claims),
    run,
    busyWith,
    report,
  });
  return {
    instanceId,
    start: pool.start,
    stop: ({ waitMs = leaseMs } = {}) => pool.stop({ waitMs }),
    drain: pool.drain,
    wake: pool.wake,
  };
}

/** Runs the handler, failing the attempt once the lease is over (the delivery may be retaken then). */
async function withinLease<T>(handle: () => Promise<T>, leaseMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no outcome within the lease (${leaseMs} ms)`)), leaseMs);
    timer.unref();
  });
  try {
    return await Promise.race([Promise.resolve().then(handle), expired]);
  } finally {
    clearTimeout(timer);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** A log that drops a line repeating the previous one within REPEAT_LOG_MS. */
function throttledLog(log: (line: string) => void): (line: string) => void {
  let last = "";
  let lastAt = 0;
  return (line) => {
    const at = Date.now();
    if (line === last && at - lastAt < REPEAT_LOG_MS) return;
    last = line;
    lastAt = at;
    log(line);
  };
}
