import { randomBytes } from "node:crypto";
import { MongoBackend } from "@agendajs/mongo-backend";
import { Agenda } from "agenda";
import { type Db, MongoClient, ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { slackPruner } from "../../../bot/src/index.ts";
import { slackCollections } from "../../../bot/src/store.ts";
import { FAIL_FAST } from "../db/connect.ts";
import { dispatchCollections } from "../dispatch/documents.ts";
import { idempotencyCollections } from "../idempotency/documents.ts";
import { notificationCollections } from "../notifications/documents.ts";
import { reminderCollections } from "../reminders/documents.ts";
import {
  type Housekeeping,
  housekeepingCollectionName,
  PRUNE_JOB,
  type Pruner,
  startHousekeeping,
} from "./housekeeping.ts";
import { daysBefore } from "./index.ts";
import { serverPruners } from "./server-pruners.ts";

let client: MongoClient;
beforeAll(async () => {
  client = await MongoClient.connect(inject("mongoUri"), FAIL_FAST);
});
afterAll(async () => {
  await client.close();
});

const freshDb = () => client.db(`h_${randomBytes(6).toString("hex")}`);

/** Resolves once `check` holds, looking every 20 ms; rejects after `ms`. */
async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function worker(db: Db, name: string) {
  return new Agenda({
    backend: new MongoBackend({ mongo: db, collection: housekeepingCollectionName }),
    name,
    processEvery: 50,
    defaultConcurrency: 5,
  });
}

describe("agenda on this database engine", () => {
  it("runs 100 jobs due at once exactly once each with two workers", async () => {
    const db = freshDb();
    const runs = db.collection<{ _id: number; runs: number; by: string[] }>("runs");
    const workers = [worker(db, "one"), worker(db, "two")];
    for (const [i, agenda] of workers.entries())
      agenda.define("count", async (job) => {
        const { n } = job.attrs.data as { n: number };
        await runs.updateOne({ _id: n }, { $inc: { runs: 1 }, $push: { by: `w${i}` } }, { upsert: true });
      });
    const scheduler = workers[0] as Agenda;
    // Created before any worker starts, so both race for all of them.
    for (let n = 0; n < 100; n++) await scheduler.now("count", { n });
    await Promise.all(workers.map((agenda) => agenda.start()));
    try {
      await until(async () => (await runs.countDocuments()) === 100);
      await Promise.all(workers.map((agenda) => agenda.drain(10_000)));
      const all = await runs.find().toArray();
      expect(all.filter((r) => r.runs !== 1)).toEqual([]);
      // Both took part: the exactly-once is not one worker doing everything.
      expect(new Set(all.flatMap((r) => r.by)).size).toBe(2);
    } finally {
      await Promise.all(workers.map((agenda) => agenda.stop(false)));
    }
  });
});

describe("housekeeping", () => {
  /** A pruner that counts its runs and removes what is older than a day, as the features' do. */
  function counting(db: Db, started: () => void = () => {}, hold?: Promise<void>) {
    const stats = { runs: 0 };
    const pruner: Pruner = {
      name: "old",
      async prune(target, now) {
        stats.runs += 1;
        started();
        await hold;
        const cut = new Date(now.getTime() - 86_400_000);
        return (await target.collection("stuff").deleteMany({ at: { $lt: cut } })).deletedCount;
      },
    };
    return { pruner, stats, db };
  }

  it("prunes once per run whichever of two instances takes it, and keeps what is recent", async () => {
    const db = freshDb();
    const now = new Date();
    await db
      .collection("stuff")
      .insertMany([
        { at: new Date(now.getTime() - 3 * 86_400_000) },
        { at: new Date(now.getTime() - 2 * 86_400_000) },
        { at: now },
      ]);
    const one = counting(db);
    const two = counting(db);
    const instances: Housekeeping[] = [
      await startHousekeeping({ db, pruners: [one.pruner], processEvery: 50, log: () => {} }),
      await startHousekeeping({ db, pruners: [two.pruner], processEvery: 50, log: () => {} }),
    ];
    try {
      // Both instances declared the same `every` job: it is stored once.
      expect(await db.collection(housekeepingCollectionName).countDocuments({ name: PRUNE_JOB })).toBe(1);
      await instances[0]?.runNow();
      await until(async () => one.stats.runs + two.stats.runs >= 1);
      await until(async () => (await db.collection("stuff").countDocuments()) === 1);
      expect(one.stats.runs + two.stats.runs).toBe(1);
    } finally {
      await Promise.all(instances.map((h) => h.stop()));
    }
  });

  it("runs each periodic task as its own job, once per run whichever of two instances takes it", async () => {
    const db = freshDb();
    let runs = 0;
    const task = {
      name: "test.task",
      run: async () => {
        runs += 1;
        return null;
      },
    };
    // The task's run does not wait on the pruners': a failing pruner does not hold it up.
    const failing = { name: "failing", prune: async () => Promise.reject(new Error("giù")) };
    const options = { db, pruners: [failing], tasks: [task], processEvery: 50, log: () => {} };
    const instances = [await startHousekeeping(options), await startHousekeeping(options)];
    try {
      expect(await db.collection(housekeepingCollectionName).countDocuments({ name: "test.task" })).toBe(1);
      await instances[0]?.runNow();
      await until(async () => runs >= 1);
      expect(runs).toBe(1);
    } finally {
      await Promise.all(instances.map((h) => h.stop()));
    }
  });

  it("a worker stopped mid-run hands the run to the other, and pruning twice removes nothing more", async () => {
    const db = freshDb();
    const now = new Date();
    await db.collection("stuff").insertMany([{ at: new Date(now.getTime() - 3 * 86_400_000) }, { at: now }]);
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let first = () => {};
    const firstStarted = new Promise<void>((resolve) => {
      first = resolve;
    });
    const stuck = counting(db, first, held);
    const spare = counting(db);
    const a = await startHousekeeping({ db, pruners: [stuck.pruner], processEvery: 50, log: () => {} });
    await a.runNow();
    await firstStarted;
    // Agenda's stop() unlocks the job it is running (agenda #1778): another instance may run it again.
    await a.stop();
    const b = await startHousekeeping({ db, pruners: [spare.pruner], processEvery: 50, log: () => {} });
    try {
      await b.runNow();
      await until(async () => spare.stats.runs >= 1);
      await until(async () => (await db.collection("stuff").countDocuments()) === 1);
      release(); // the stopped worker's run ends now, after the other's: nothing left for it to remove
      expect(await db.collection("stuff").countDocuments()).toBe(1);
    } finally {
      release();
      await b.stop();
    }
  });
});

describe("once-jobs", () => {
  it("run once per database however many instances start, and not again after a restart", async () => {
    const db = freshDb();
    const runs = { n: 0 };
    const job = { name: "test.once", run: async () => `run ${++runs.n}` };
    const start = () =>
      // Agenda's errors are printed: a run that never finishes is then explained in the output.
      startHousekeeping({ db, pruners: [], onceJobs: [job], processEvery: 50, log: console.warn });
    const [a, b] = await Promise.all([start(), start()]);
    const jobs = db.collection(housekeepingCollectionName);
    try {
      await until(
        async () => (await jobs.countDocuments({ name: "test.once", lastFinishedAt: { $ne: null } })) > 0,
        60_000,
      );
      expect(await jobs.countDocuments({ name: "test.once" })).toBe(1);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    // A restart: the job is there, finished, and not scheduled again.
    const pruned = { n: 0 };
    const c = await startHousekeeping({
      db,
      pruners: [{ name: "probe", prune: async () => ++pruned.n }],
      onceJobs: [job],
      processEvery: 50,
      log: () => {},
    });
    try {
      await c.runNow();
      await until(async () => pruned.n > 0); // this instance has looked for due jobs
      expect(runs.n).toBe(1);
    } finally {
      await c.stop();
    }
  });
});

describe("the product's pruners", () => {
  it("remove what is past its keeping time, and keep what is recent or still to do", async () => {
    const db = freshDb();
    const now = new Date("2026-12-01T10:00:00Z");
    const old = (days: number) => daysBefore(now, days);
    const mails = notificationCollections(db).sentMails;
    await mails.insertMany([
      { _id: "old", subscriber: "s", eventId: new ObjectId(), personId: new ObjectId(), sentAt: old(91) },
      { _id: "new", subscriber: "s", eventId: new ObjectId(), personId: new ObjectId(), sentAt: old(89) },
    ]);
    const deliveries = dispatchCollections(db).deliveries;
    const delivery = (state: "done" | "dead", doneAt: Date) => ({
      _id: new ObjectId(),
      subscriber: "s",
      recordId: new ObjectId(),
      stream: "x",
      seq: 1,
      type: "t",
      state,
      attempts: 1,
      dueAt: doneAt,
      leaseUntil: null,
      owner: null,
      lastError: null,
      createdAt: doneAt,
      doneAt,
      latencyMs: 1,
      deadAt: null,
    });
    await deliveries.insertMany([
      delivery("done", old(31)),
      delivery("done", old(29)),
      delivery("dead", old(400)),
    ]);
    const { reminderOccurrences, reminderDeliveries } = reminderCollections(db);
    const occurrence = (state: "sent" | "pending", scheduledFor: Date) => ({
      _id: new ObjectId(),
      meetingId: new ObjectId(),
      personId: new ObjectId(),
      kind: "before" as const,
      leadMinutes: 60,
      channel: "email" as const,
      meetingSequence: 0,
      scheduledFor,
      dueAt: scheduledFor,
      state,
      attempts: 0,
      owner: null,
      leaseUntil: null,
      reason: null,
      sentVia: null,
      sentAt: null,
      createdAt: scheduledFor,
      updatedAt: scheduledFor,
    });
    await reminderOccurrences.insertMany([
      occurrence("sent", old(91)),
      occurrence("sent", old(10)),
      occurrence("pending", old(91)),
    ]);
    const sentReminder = (at: Date) => ({
      _id: new ObjectId(),
      occurrenceId: new ObjectId(),
      key: "k",
      personId: new ObjectId(),
      meetingId: new ObjectId(),
      kind: "before" as const,
      leadMinutes: 60,
      channel: "email" as const,
      status: "delivered" as const,
      error: null,
      latencyMs: 1,
      title: "t",
      tableName: "n",
      startsAt: at,
      at,
    });
    await reminderDeliveries.insertMany([sentReminder(old(366)), sentReminder(old(300))]);
    const slack = slackCollections(db);
    const post = (expiresAt: Date) => ({
      _id: new ObjectId(),
      key: String(expiresAt.getTime()),
      teamId: "T",
      userId: "U",
      channelId: "D",
      ts: "1",
      postedAt: expiresAt,
      expiresAt,
    });
    await slack.reminderPosts.insertMany([post(old(1)), post(new Date(now.getTime() + 3600_000))]);
    await slack.sent.insertMany([
      { _id: "old", sentAt: old(91) },
      { _id: "new", sentAt: old(1) },
    ]);

    const keys = idempotencyCollections(db).idempotencyRecords;
    const keyRecord = (key: string, expiresAt: Date) => ({
      _id: new ObjectId(),
      personId: new ObjectId(),
      key,
      fingerprint: "f",
      claimId: new ObjectId(),
      state: "done" as const,
      leaseUntil: expiresAt,
      expiresAt,
      response: { status: 201, contentType: "application/json", body: "{}" },
      createdAt: expiresAt,
    });
    await keys.insertMany([keyRecord("gone", old(0)), keyRecord("live", new Date(now.getTime() + 60_000))]);

    let removed = 0;
    for (const pruner of [...serverPruners, slackPruner]) removed += await pruner.prune(db, now);

    expect(removed).toBe(7);
    expect(await keys.distinct("key")).toEqual(["live"]);
    expect(await mails.distinct("_id")).toEqual(["new"]);
    expect((await deliveries.find().toArray()).map((d) => d.state).sort()).toEqual(["dead", "done"]);
    expect(await reminderOccurrences.countDocuments()).toBe(2);
    expect(await reminderOccurrences.countDocuments({ state: "pending" })).toBe(1);
    expect(await reminderDeliveries.countDocuments()).toBe(1);
    expect(await slack.reminderPosts.countDocuments()).toBe(1);
    expect(await slack.sent.distinct("_id")).toEqual(["new"]);
    // Twice at once, as two instances whose runs overlap: nothing more goes.
    const again = await Promise.all([...serverPruners, slackPruner].map((pruner) => pruner.prune(db, now)));
    expect(again.reduce((a, b) => a + b, 0)).toBe(0);
  });
});
