import { setTimeout as sleep } from "node:timers/promises";

/**
 * The loop shared by the event dispatcher and the reminder sender: claim work from MongoDB, run it, look
 * again when woken (this process wrote something) or every `pollMs` (other instances, due retries,
 * expired leases). Whatever is claimed is claimed in the database, so pools on several instances share
 * one queue; this module only decides when to look and how many run at once.
 */
export type WorkerPoolOptions<T> = {
  /** Prefix of log lines, e.g. "dispatch". */
  name: string;
  pollMs: number;
  /** Items run at once by this instance. */
  concurrency: number;
  /** Work done before claiming in each round (the dispatcher's fan-out); `going` turns false on stop(). */
  prepare?: (going: () => boolean) => Promise<void>;
  /** The next item this instance now holds, or null when none is claimable. */
  claim: () => Promise<T | null>;
  run: (item: T) => Promise<void>;
  /** What is left to do now in the database, in words, or null when nothing is (for drain()). */
  busyWith: () => Promise<string | null>;
  /** After stop() has waited: hand back what was claimed but never started. */
  release?: () => Promise<void>;
  report: (line: string) => void;
};

export type WorkerPool = {
  /** Starts polling and handles what is already waiting. */
  start(): void;
  /** Stops claiming; waits for the work in flight, at most `waitMs`: the rest expire and are retaken. */
  stop(options: { waitMs: number }): Promise<void>;
  /** Resolves once nothing is left to do now (busyWith() is null); rejects after `timeoutMs` of real time. */
  drain(options?: { timeoutMs?: number }): Promise<void>;
  /** Looks for work at once. */
  wake(): void;
};

/** How long drain() waits before looking again while another instance holds work. */
const RECHECK_MS = 10;

export function createWorkerPool<T>(options: WorkerPoolOptions<T>): WorkerPool {
  const { name, report } = options;
  let going = false;
  let timer: NodeJS.Timeout | null = null;
  let round: Promise<void> | null = null;
  let again = false;
  /** While drain() runs it looks for work itself: polling on top would keep this instance busy forever. */
  let draining = 0;
  const workers = new Set<Promise<void>>();

  function wake(): void {
    if (!going) return;
    if (round) {
      again = true;
      return;
    }
    round = (async () => {
      do {
        again = false;
        await options.prepare?.(() => going);
        if (going && workers.size < options.concurrency) spawn();
      } while (again && going);
    })()
      .catch((error: unknown) => report(`[${name}] round failed: ${describe(error)}`))
      .finally(() => {
        round = null;
        if (again) wake(); // woken between the last look and the end of the round
      });
  }

  /** A worker claims and runs items until none is claimable; each claim lets one more worker look. */
  function spawn(): void {
    const worker = (async () => {
      while (going) {
        const item = await options.claim();
        if (item === null) return;
        if (workers.size < options.concurrency) spawn();
        await options.run(item);
      }
    })()
      .catch((error: unknown) => report(`[${name}] claim failed: ${describe(error)}`))
      .finally(() => workers.delete(worker));
    workers.add(worker);
  }

  /** Until neither a round nor a worker of this instance is running (each may start the other). */
  async function settled(): Promise<void> {
    wake();
    while (round || workers.size > 0) await Promise.allSettled([round, ...workers]);
  }

  return {
    start() {
      if (going) return;
      going = true;
      timer = setInterval(() => {
        if (draining === 0) wake();
      }, options.pollMs);
      timer.unref();
      wake();
    },
    async stop({ waitMs }) {
      going = false;
      if (timer) clearInterval(timer);
      timer = null;
      await within(Promise.allSettled([round, ...workers]), waitMs);
      await options.release?.();
    },
    async drain({ timeoutMs = 10_000 } = {}) {
      if (!going) throw new Error(`[${name}] drain() needs a started worker pool`);
      const deadline = Date.now() + timeoutMs;
      draining += 1;
      try {
        for (;;) {
          const calm = await within(settled(), deadline - Date.now());
          const busy = (await options.busyWith()) ?? (calm ? null : "running work of its own");
          if (!busy) return;
          if (Date.now() >= deadline) throw new Error(`[${name}] drain: still ${busy} after ${timeoutMs} ms`);
          await sleep(RECHECK_MS);
        }
      } finally {
        draining -= 1;
      }
    },
    wake,
  };
}

/** Waits for `work` at most `ms`: true when it ended in time. */
export async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  const cancel = new AbortController();
  const timeUp = sleep(Math.max(0, ms), false, { ref: false, signal: cancel.signal }).catch(() => false);
  try {
    return await Promise.race([work.then(() => true), timeUp]);
  } finally {
    cancel.abort();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
