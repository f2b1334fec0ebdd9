import type { Db } from "mongodb";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditCollections } from "../audit/documents.ts";
import { createCtx } from "../shared/context.ts";
import { EventBus, type StoredEvent } from "../shared/events.ts";
import { recordUncatalogued } from "../shared/record.ts";
import { claimNext } from "./claim.ts";
import { fanOut } from "./fan-out.ts";
import { type DispatchSubscriber, PermanentFailure } from "./subscriber.ts";
import { type DispatchBench, dispatchBench, recorder } from "./test-fixtures.ts";

/** What a handler does meanwhile, as a real one would: a write to the database (no timer, no sleep). */
async function work(db: Db, eventId: string) {
  for (let n = 1 + Math.floor(Math.random() * 3); n > 0; n--)
    await db.collection("sink").insertOne({ eventId });
}

/** One handler run: who ran it, for which event, and when it started and ended on one shared counter. */
type Span = {
  instance: string;
  subscriber: string;
  eventId: string;
  stream: string;
  seq: number;
  start: number;
  end: number;
};

/** Subscribers whose handlers log their spans into `spans`, as run by `instance`. */
function spanning(
  db: Db,
  instance: string,
  spans: Span[],
  tick: { n: number },
  wanted: Record<string, string[]>,
) {
  return Object.entries(wanted).map(
    ([name, types]): DispatchSubscriber => ({
      name,
      types,
      async handle(event) {
        const start = ++tick.n;
        await work(db, event.id.toHexString());
        spans.push({
          instance,
          subscriber: name,
          eventId: event.id.toHexString(),
          stream: event.stream,
          seq: event.seq,
          start,
          end: ++tick.n,
        });
      },
    }),
  );
}

/** Per subscriber and stream: each run started after the one before it ended, in ascending `seq`. */
function outOfOrder(spans: Span[]): string[] {
  const problems: string[] = [];
  const byKey = new Map<string, Span[]>();
  for (const span of spans)
    byKey.set(`${span.subscriber} ${span.stream}`, [
      ...(byKey.get(`${span.subscriber} ${span.stream}`) ?? []),
      span,
    ]);
  for (const [key, runs] of byKey) {
    runs.sort((a, b) => a.start - b.start);
    for (let i = 1; i < runs.length; i++) {
      const [before, after] = [runs[i - 1] as Span, runs[i] as Span];
      if (after.seq <= before.seq) problems.push(`${key}: seq ${after.seq} after ${before.seq}`);
      if (after.start < before.end)
        problems.push(`${key}: seq ${after.seq} started before ${before.seq} ended`);
    }
  }
  return problems;
}

const countBy = (ids: string[]) => {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
};

describe("the durable dispatcher", () => {
  let b: DispatchBench;
  beforeEach(async () => {
    b = await dispatchBench();
  });
  afterEach(() => b.close());

  it("hands each event to each interested subscriber exactly once, in stream order, with two instances running", async () => {
    const spans: Span[] = [];
    const tick = { n: 0 };
    const wanted = { all: ["t.a", "t.b"], "only-b": ["t.b"], uninterested: ["t.c"] };
    const streams = [b.newStream(), b.newStream(), b.newStream()];
    const emitStreams = (from: number, to: number) =>
      Promise.all(
        streams.map(async (stream, k) => {
          for (let i = from + k; i < to; i += 3) await b.emit(stream, i % 2 ? "t.b" : "t.a", { i });
        }),
      );
    // 100 events on 3 streams: a queue of 51 waiting when the instances start, then 49 more written
    // concurrently (the streams in parallel) while both instances work.
    await emitStreams(0, 51);
    const one = b.dispatcher({ instanceId: "one", subscribers: spanning(b.db, "one", spans, tick, wanted) });
    const two = b.dispatcher({
      instanceId: "two",
      subscribers: spanning(b.db, "two", spans, tick, wanted),
      woken: false,
    });
    await emitStreams(51, 100);
    await one.drain();
    await two.drain();

    const all = spans.filter((s) => s.subscriber === "all");
    const onlyB = spans.filter((s) => s.subscriber === "only-b");
    expect(all).toHaveLength(100);
    expect(new Set(all.map((s) => s.eventId)).size).toBe(100);
    expect(onlyB).toHaveLength(50);
    expect(new Set(onlyB.map((s) => s.eventId)).size).toBe(50);
    expect(spans.filter((s) => s.subscriber === "uninterested")).toHaveLength(0);
    expect(outOfOrder(spans)).toEqual([]);
    expect(await b.deliveries.countDocuments({ state: "done", attempts: 1 })).toBe(150);
    expect(await b.deliveries.countDocuments({})).toBe(150);
    expect(await auditCollections(b.db).audit.countDocuments({ dispatch: "pending" })).toBe(0);
  });

  it("lets two instances racing for the same deliveries handle each one once", async () => {
    const spans: Span[] = [];
    const tick = { n: 0 };
    const wanted = { racer: ["t.race"] };
    // Both woken by every event, four workers each: every delivery is claimed for by both at once.
    const one = b.dispatcher({
      instanceId: "one",
      concurrency: 4,
      subscribers: spanning(b.db, "one", spans, tick, wanted),
    });
    const two = b.dispatcher({
      instanceId: "two",
      concurrency: 4,
      subscribers: spanning(b.db, "two", spans, tick, wanted),
    });
    await Promise.all(Array.from({ length: 40 }, () => b.emit(b.newStream(), "t.race")));
    await Promise.all([one.drain(), two.drain()]);

    const counts = countBy(spans.map((s) => s.eventId));
    expect(counts.size).toBe(40);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(spans.some((s) => s.instance === "one")).toBe(true);
    expect(spans.some((s) => s.instance === "two")).toBe(true);
  });

  it("after a crash, the other instance takes over once the lease expires: repeats bounded by what was in flight", async () => {
    const leaseMs = 30_000;
    const started: string[] = [];
    const hung: Array<() => void> = [];
    let bothHung: () => void = () => {};
    const twoHung = new Promise<void>((resolve) => {
      bothHung = resolve;
    });
    const crashing: DispatchSubscriber = {
      name: "mailer",
      types: ["t.job"],
      async handle(event) {
        started.push(event.id.toHexString());
        if (!event.payload.hangs) return;
        // The instance dies here: the handler never ends (until the test lets the zombie go, failing).
        await new Promise<void>((resolve) => {
          hung.push(resolve);
          if (hung.length === 2) bothHung();
        });
        throw new Error("too late");
      },
    };
    const survivorRuns: string[] = [];
    let retakenBoth: () => void = () => {};
    const bothRetaken = new Promise<void>((resolve) => {
      retakenBoth = resolve;
    });
    let letSurvivorFinish: () => void = () => {};
    const survivorMayFinish = new Promise<void>((resolve) => {
      letSurvivorFinish = resolve;
    });
    const survivor: DispatchSubscriber = {
      name: "mailer",
      types: ["t.job"],
      async handle(event) {
        survivorRuns.push(event.id.toHexString());
        if (!event.payload.hangs) return;
        if (survivorRuns.filter((id) => started.includes(id)).length === 2) retakenBoth();
        await survivorMayFinish;
      },
    };
    const doomed = b.dispatcher({ instanceId: "doomed", concurrency: 2, leaseMs, subscribers: [crashing] });
    for (let i = 0; i < 10; i++) await b.emit(b.newStream(), "t.job", { i, hangs: i === 2 || i === 6 });
    await twoHung; // both of its workers are stuck: two deliveries in flight, the rest waits
    const inFlight = hung.length;
    // The crash: no cleanup, no outcome written; it only stops looking for more work.
    const abandoned = doomed.stop({ waitMs: 60_000 });

    const other = b.dispatcher({ instanceId: "other", leaseMs, subscribers: [survivor] });
    // While the two leases hold, the other instance leaves them alone (drain waits for them in vain).
    await expect(other.drain({ timeoutMs: 300 })).rejects.toThrow(/2 deliveries running/);
    expect(await b.deliveries.countDocuments({ state: "running", owner: "doomed" })).toBe(inFlight);
    expect(await b.deliveries.countDocuments({ state: "done" })).toBe(8);
    b.advance(leaseMs + 1);
    const draining = other.drain();
    // While the other instance is at the two it took over, the zombie comes back and fails: its
    // outcomes must be refused (the deliveries are running, but under another claim).
    await bothRetaken;
    for (const release of hung) release();
    await abandoned;
    letSurvivorFinish();
    await draining;

    const all = await b.deliveries.find().toArray();
    expect(all).toHaveLength(10);
    expect(all.map((d) => d.state)).toEqual(Array(10).fill("done"));
    const everyRun = [...started, ...survivorRuns];
    expect(new Set(everyRun).size).toBe(10);
    const repeats = everyRun.length - 10;
    expect(inFlight).toBe(2);
    expect(repeats).toBe(inFlight);
    const retaken = all.filter((d) => d.owner === "other" && d.attempts === 2);
    expect(retaken.map((d) => d.lastError)).toEqual([null, null]);
  });

  it("completes a fan-out that crashed half way without making a delivery twice", async () => {
    const first = recorder("first", ["t.fan"]);
    const second = recorder("second", ["t.fan"]);
    const stream = b.newStream();
    await b.emit(stream, "t.fan");
    // The crash: the first subscriber's delivery was made, the record is still marked pending.
    await fanOut({ db: b.db, now: b.now, subscribers: [first.subscriber], going: () => true });
    const audit = auditCollections(b.db).audit;
    await audit.updateOne({ stream: `thing:${stream.toHexString()}` }, { $set: { dispatch: "pending" } });
    expect(await b.deliveries.countDocuments({})).toBe(1);

    // Two instances redo it at once.
    const subscribers = [first.subscriber, second.subscriber];
    await Promise.all([
      fanOut({ db: b.db, now: b.now, subscribers, going: () => true }),
      fanOut({ db: b.db, now: b.now, subscribers, going: () => true }),
    ]);
    expect(await b.deliveries.countDocuments({})).toBe(2);
    await b.dispatcher({ subscribers }).drain();
    expect(first.calls).toHaveLength(1);
    expect(second.calls).toHaveLength(1);
    expect(await audit.countDocuments({ dispatch: "done" })).toBe(1);
  });

  it("holds a delivery back while an earlier record of its stream awaits its fan-out", async () => {
    const first = recorder("first", ["t.step"]);
    const stream = b.newStream();
    await b.emit(stream, "t.step", { step: 1 });
    await b.emit(stream, "t.step", { step: 2 });
    // As after an instance fanned out step 2 while the one fanning out step 1 died before inserting it.
    await fanOut({ db: b.db, now: b.now, subscribers: [first.subscriber], going: () => true });
    const audit = auditCollections(b.db).audit;
    const step1 = await audit.findOne({ "payload.step": 1 });
    await audit.updateOne({ _id: step1?._id }, { $set: { dispatch: "pending" } });
    await b.deliveries.deleteOne({ recordId: step1?._id });
    const claims = {
      db: b.db,
      now: b.now,
      subscribers: ["first"],
      owner: "x",
      leaseMs: 1000,
      maxAttempts: 3,
    };
    expect(await claimNext(claims)).toBeNull(); // step 2 is there, but step 1 may still come
    await fanOut({ db: b.db, now: b.now, subscribers: [first.subscriber], going: () => true });
    expect((await claimNext(claims))?.seq).toBe(1);
  });

  it("drains what another instance stores meanwhile, though nothing woke this one for it", async () => {
    const elsewhere = createCtx({ db: b.db, bus: new EventBus(), now: b.now }); // another process's writes
    const chained = recorder("chained", ["t.first", "t.second"], async (event) => {
      if (event.type === "t.first")
        await recordUncatalogued(elsewhere, {
          action: "t.second",
          entity: "thing",
          entityId: b.newStream(),
          agreementId: null,
          before: null,
          after: null,
          event: { type: "t.second", payload: {} },
        });
    });
    const d = b.dispatcher({ subscribers: [chained.subscriber], pollMs: 60_000 });
    await b.emit(b.newStream(), "t.first");
    await d.drain();
    expect(chained.calls).toHaveLength(2);
  });

  it("marks records nobody subscribes to as done, without deliveries", async () => {
    const only = recorder("only", ["t.wanted"]);
    const d = b.dispatcher({ subscribers: [only.subscriber] });
    await b.emit(b.newStream(), "t.unwanted");
    await b.emit(b.newStream(), "t.wanted");
    await d.drain();
    expect(await b.deliveries.countDocuments({})).toBe(1);
    expect(await auditCollections(b.db).audit.countDocuments({ dispatch: "done" })).toBe(2);
  });
});

describe("failures", () => {
  let b: DispatchBench;
  beforeEach(async () => {
    b = await dispatchBench();
  });
  afterEach(() => b.close());

  it("retries a failure after an exponential backoff on the clock, until it succeeds", async () => {
    const flaky = recorder("flaky", ["t.flaky"], async (_event, attempt) => {
      if (attempt < 3) throw new Error(`SMTP 451 (attempt ${attempt})`);
    });
    // The jitter at its ceiling: the waits are exactly 1 s, then 2 s.
    const d = b.dispatcher({ subscribers: [flaky.subscriber], random: () => 0.999_999_9, maxAttempts: 5 });
    await b.emit(b.newStream(), "t.flaky");
    await d.drain();
    const failedAt = b.now().getTime();
    let delivery = await b.deliveries.findOne({});
    expect(delivery).toMatchObject({
      state: "pending",
      attempts: 1,
      lastError: "Error: SMTP 451 (attempt 1)",
    });
    expect(delivery?.dueAt.getTime()).toBe(failedAt + 999);

    b.advance(998);
    await d.drain();
    expect(flaky.calls).toHaveLength(1); // not due yet
    b.advance(1);
    await d.drain();
    expect(flaky.calls).toHaveLength(2);
    delivery = await b.deliveries.findOne({});
    expect(delivery?.dueAt.getTime()).toBe(b.now().getTime() + 1999);

    b.advance(1999);
    await d.drain();
    delivery = await b.deliveries.findOne({});
    expect(flaky.calls.map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect(delivery).toMatchObject({ state: "done", attempts: 3, leaseUntil: null });
    expect(delivery?.latencyMs).toBe(999 + 1999);
  });

  it("gives up after the last attempt (dead), at once on a permanent failure, and waits as long as a handler asks", async () => {
    const broken = recorder("broken", ["t.broken"], async () => {
      throw new Error("connection refused");
    });
    const hopeless = recorder("hopeless", ["t.hopeless"], async () => {
      throw new PermanentFailure("no such address");
    });
    const patient = recorder("patient", ["t.busy"], async (_event, attempt) =>
      attempt === 1 ? { retryAfterMs: 42_000 } : undefined,
    );
    const d = b.dispatcher({
      subscribers: [broken.subscriber, hopeless.subscriber, patient.subscriber],
      maxAttempts: 3,
      random: () => 0.5,
    });
    await b.emit(b.newStream(), "t.broken");
    await b.emit(b.newStream(), "t.hopeless");
    await b.emit(b.newStream(), "t.busy");
    await d.drain();
    expect(await b.deliveries.findOne({ subscriber: "patient" })).toMatchObject({
      state: "pending",
      dueAt: new Date(b.now().getTime() + 42_000),
    });
    for (let round = 0; round < 5; round++) {
      b.advance(15 * 60_000);
      await d.drain();
    }
    expect(broken.calls.map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect(await b.deliveries.findOne({ subscriber: "broken" })).toMatchObject({
      state: "dead",
      attempts: 3,
      lastError: "Error: connection refused",
    });
    expect(hopeless.calls).toHaveLength(1);
    expect(await b.deliveries.findOne({ subscriber: "hopeless" })).toMatchObject({
      state: "dead",
      attempts: 1,
      lastError: "PermanentFailure: no such address",
    });
    expect(patient.calls.map((c) => c.attempt)).toEqual([1, 2]);
    expect(await b.deliveries.findOne({ subscriber: "patient" })).toMatchObject({ state: "done" });
  });

  it("keeps a stream in order through retries, and lets it go on past a dead delivery", async () => {
    let failFirst = true;
    const ordered = recorder("ordered", ["t.step"], async (event: StoredEvent) => {
      if (event.payload.step === 1 && failFirst) throw new Error("not yet");
      if (event.payload.step === 10) throw new PermanentFailure("bad step");
    });
    const d = b.dispatcher({ subscribers: [ordered.subscriber], random: () => 0.999 });
    const stream = b.newStream();
    for (const step of [1, 2, 3]) await b.emit(stream, "t.step", { step });
    // Steps 2 and 3 are due but wait behind step 1's retry; drain does not wait for them.
    await d.drain();
    expect(ordered.calls.map((c) => c.seq)).toEqual([1]);
    failFirst = false;
    b.advance(1000);
    await d.drain();
    expect(ordered.calls.map((c) => c.seq)).toEqual([1, 1, 2, 3]);

    const other = b.newStream();
    for (const step of [10, 11]) await b.emit(other, "t.step", { step });
    await d.drain();
    expect(ordered.calls.filter((c) => c.stream.endsWith(other.toHexString())).map((c) => c.seq)).toEqual([
      1, 2,
    ]);
  });

  it("counts a handler that outlives its lease as failed, and retries it", async () => {
    const slow = recorder("slow", ["t.slow"], (_event, attempt) =>
      attempt === 1 ? new Promise(() => {}) : Promise.resolve(),
    );
    // A lease of 50 ms of real time: the first attempt is given up on, not waited for.
    const d = b.dispatcher({ subscribers: [slow.subscriber], leaseMs: 50, random: () => 0 });
    await b.emit(b.newStream(), "t.slow");
    await d.drain();
    expect(await b.deliveries.findOne({})).toMatchObject({
      state: "done",
      attempts: 2,
      lastError: "Error: no outcome within the lease (50 ms)",
    });
  });

  it("makes a delivery dead when its lease expired on the last attempt (a handler that kills its instance)", async () => {
    const leaseMs = 30_000;
    const attempts: number[] = [];
    let onAttempt: () => void = () => {};
    const attempted = (n: number) =>
      new Promise<void>((resolve) => {
        onAttempt = () => attempts.length >= n && resolve();
        onAttempt();
      });
    const poison: DispatchSubscriber = {
      name: "poison",
      types: ["t.poison"],
      handle(_event, attempt) {
        attempts.push(attempt);
        onAttempt();
        return new Promise(() => {}); // the instance is as good as dead
      },
    };
    // One worker each: an instance whose handler hangs takes nothing else.
    const options = { subscribers: [poison], maxAttempts: 2, leaseMs, concurrency: 1 };
    b.dispatcher(options);
    await b.emit(b.newStream(), "t.poison");
    await attempted(1);
    b.advance(leaseMs);
    b.dispatcher(options);
    await attempted(2);
    b.advance(leaseMs);
    await b.dispatcher(options).drain();
    expect(attempts).toEqual([1, 2]);
    expect(await b.deliveries.findOne({})).toMatchObject({
      state: "dead",
      attempts: 2,
      lastError: "lease expired on attempt 2: the handler never finished",
    });
  });
});
