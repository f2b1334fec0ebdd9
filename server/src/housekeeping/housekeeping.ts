import { MongoBackend } from "@agendajs/mongo-backend";
import { Agenda } from "agenda";
import type { Db } from "mongodb";

/**
 * A feature's clean-up of its own collections: records kept only for a while (idempotency keys of sent
 * mails and posts, finished deliveries, old reminder history). Returns how many documents it removed.
 * Each must be safe to run twice at once: a deleteMany by age is.
 */
export type Pruner = { name: string; prune: (db: Db, now: Date) => Promise<number> };

/**
 * Work to do on every run, by one instance, that is not a clean-up (e.g. emitting the agreements'
 * deadline events): its own agenda job, so a failing pruner never holds it up. Returns what to log, if
 * anything. Like a pruner it must be safe to run twice: whatever it emits is guarded by a unique key.
 */
export type PeriodicTask = { name: string; run: (db: Db, now: Date) => Promise<string | null> };

/** Work to do once per installation (per database), whichever instance starts first; safe to repeat. */
export type OnceJob = { name: string; run: () => Promise<string> };

export type HousekeepingOptions = {
  db: Db;
  pruners: readonly Pruner[];
  tasks?: readonly PeriodicTask[];
  onceJobs?: readonly OnceJob[];
  /** How often the prune job runs (agenda's interval syntax or ms). */
  every?: string | number;
  /** How often this instance looks for a due job. */
  processEvery?: string | number;
  /** Names this instance in the job's `lastModifiedBy`. */
  instanceName?: string;
  now?: () => Date;
  log?: (line: string) => void;
};

export type Housekeeping = {
  /** Runs the prune job as soon as an instance can take it (an admin's or a test's "now"). */
  runNow(): Promise<void>;
  stop(): Promise<void>;
};

export const PRUNE_JOB = "housekeeping.prune";
/** The collection of agenda's jobs, which this feature owns; agenda's backend gives it its own shape. */
export const housekeepingCollectionName = "housekeepingJobs";

/**
 * Recurring maintenance on agenda (with its MongoDB backend): one `every` job that the instances share,
 * so it runs once per period whichever instances are up; agenda's lock (a guarded findOneAndUpdate on
 * its job) gives each run to one instance. The reminders and deliveries themselves are not agenda jobs:
 * each is its own stored document with a unique key and a guarded claim (dispatch/, reminders/sender.ts),
 * so no second copy of its due time can disagree with it after a crash.
 */
export async function startHousekeeping(options: HousekeepingOptions): Promise<Housekeeping> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line) => console.warn(line));
  const agenda = new Agenda({
    backend: new MongoBackend({ mongo: options.db, collection: housekeepingCollectionName }),
    name: options.instanceName,
    processEvery: options.processEvery ?? "1 minute",
    // A prune is a few deleteMany: far below this; a run whose instance died is retaken after it.
    defaultLockLifetime: 10 * 60_000,
  });
  agenda.on("error", (error) => log(`[housekeeping] ${error.message}`));
  agenda.define(PRUNE_JOB, async () => {
    const at = now();
    const removed: string[] = [];
    for (const pruner of options.pruners) {
      const count = await pruner.prune(options.db, at);
      if (count > 0) removed.push(`${pruner.name} ${count}`);
    }
    if (removed.length > 0) log(`[housekeeping] pruned ${removed.join(", ")}`);
  });
  for (const task of options.tasks ?? [])
    agenda.define(task.name, async () => {
      const line = await task.run(options.db, now());
      if (line) log(`[housekeeping] ${task.name}: ${line}`);
    });
  for (const job of options.onceJobs ?? [])
    agenda.define(job.name, async () => log(`[housekeeping] ${job.name}: ${await job.run()}`));
  await agenda.start();
  await agenda.every(options.every ?? "1 hour", PRUNE_JOB, undefined, { skipImmediate: true });
  for (const task of options.tasks ?? [])
    await agenda.every(options.every ?? "1 hour", task.name, undefined, { skipImmediate: true });
  // Unique by name: stored once however many instances start, and never scheduled again once it ran.
  for (const job of options.onceJobs ?? [])
    await agenda
      .create(job.name)
      .unique({ name: job.name }, { insertOnly: true })
      .schedule(new Date())
      .save();
  return {
    async runNow() {
      await agenda.now(PRUNE_JOB);
      for (const task of options.tasks ?? []) await agenda.now(task.name);
    },
    async stop() {
      await agenda.stop(false);
    },
  };
}
