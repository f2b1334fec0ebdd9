// Notifications (issue 13): 1,000 referents convened to one sitting, each reminded by Web Push and by a
// Slack DM, by TWO reminder senders (and two dispatchers) on one database, against the tests' stand-ins
// (a push service that verifies VAPID and decrypts, and the Slack Web API). Measured: the time from the
// instant T the reminders fall due to the last one the stand-ins receive (target ≤ 10 s), and per
// (person, channel) what the stand-ins received: more than once is a duplicate, never is lost (targets
// 0 and 0). Then the durable dispatcher's cost per event against a bare insert on the same engine.
//
// Clock: real time plus a constant offset. The sitting is planned an hour ahead on real time; once the
// senders run, the offset is set once so that T falls DUE_IN_MS later, and from then on the clock
// advances at real speed: leases, polls (1 s, the product's default) and sends take the time they take.
import type { Db } from "mongodb";
import { ObjectId } from "mongodb";
import { createSlackBot, createSlackReminderChannel, ensureSlackIndexes } from "../bot/src/index.ts";
import { chatCollections } from "../server/src/chat/documents.ts";
import { type Config, loadConfig } from "../server/src/config.ts";
import { ensureIndexes } from "../server/src/db/indexes.ts";
import { createDispatcher, defineSubscriber, serverSubscribers } from "../server/src/dispatch/index.ts";
import type { MeetingDoc } from "../server/src/meetings/documents.ts";
import { loadVapidKeys, type VapidKeys } from "../server/src/push/index.ts";
import { endpointHash } from "../server/src/push/rules.ts";
import {
  createReminderSender,
  defaultReminderChannels,
  type ReminderChannel,
} from "../server/src/reminders/index.ts";
import { planSitting } from "../server/src/reminders/planner.ts";
import { collections } from "../server/src/shared/collections.ts";
import { createCtx } from "../server/src/shared/context.ts";
import { EventBus } from "../server/src/shared/events.ts";
import { createMailer } from "../server/src/shared/mailer.ts";
import { recordChange } from "../server/src/shared/record.ts";
import { type FakePush, startFakePush } from "../test/support/fake-push.ts";
import { type FakeSlack, startFakeSlack } from "../test/support/fake-slack.ts";
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "../test/support/slack-requests.ts";
import { type BenchEnv, type BenchRow, ms } from "./harness.ts";
import { agreement, referents, tableDoc } from "./meetings-setup.ts";

const REFERENTS = 1000;
const INSTANCES = 2;
const LEAD_MINUTES = 60;
/** T falls this long after both senders are running: the measure starts from an idle, polling sender. */
const DUE_IN_MS = 2000;
/** How long after T to wait for the last delivery before counting what never came as lost. */
const GIVE_UP_MS = 90_000;
/** After the last expected delivery, this long more for a late duplicate to show up. */
const QUIET_MS = 3000;
const LATENCY_TARGET_MS = 10_000;
const TEAM_ID = "T0001";
const EVENTS = 2000;
const WARMUP = 100;
const ROUNDS = 4;
const MIN = 60_000;
const PROBES = 20;

type Arrival = { key: string; at: number };

/**
 * Stamps (Date.now()) each entry as a stand-in appends it to its record (`received`, `calls`): the
 * stand-ins push synchronously when a request has arrived, so the stamp is the moment they saw it,
 * without polling.
 */
function stampAppends<T>(list: T[], keyOf: (item: T) => string | null): Arrival[] {
  const arrivals: Arrival[] = [];
  const append = list.push.bind(list);
  list.push = (...items: T[]) => {
    const at = Date.now();
    for (const item of items) {
      const key = keyOf(item);
      if (key !== null) arrivals.push({ key, at });
    }
    return append(...items);
  };
  return arrivals;
}

/** The product's config with Slack in one-workspace HTTP mode, pointed at the stand-in. */
function slackConfig(slack: FakeSlack): Config {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("SLACK_")));
  return loadConfig({
    ...env,
    SEED_DEMO: "never",
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_API_URL: slack.apiUrl,
  });
}

/** One instance as main.ts composes it: its bus, its dispatcher (server's + bot's subscribers), its sender. */
function startInstance(
  n: number,
  deps: { db: Db; config: Config; now: () => Date; vapid: VapidKeys; push: FakePush },
) {
  const { db, config, now } = deps;
  const bus = new EventBus();
  const mailer = createMailer({ smtpUrl: undefined, from: config.mailFrom, db, quiet: true });
  const slackBot = createSlackBot({ config, db, bus, now });
  const dispatcher = createDispatcher({
    db,
    now,
    instanceId: `bench-${n}:dispatch`,
    subscribers: [...serverSubscribers({ config, db, bus, mailer, now }), ...(slackBot?.subscribers ?? [])],
    ...config.dispatch,
  });
  bus.on("*", () => dispatcher.wake());
  dispatcher.start();
  const slackChannel = createSlackReminderChannel({ config, db, bus, now });
  if (!slackChannel) throw new Error("Slack is configured for this bench");
  // Each channel counted as it delivers, to see how the two instances shared the work.
  const delivered = { count: 0 };
  const counted = (channel: ReminderChannel): ReminderChannel => ({
    name: channel.name,
    send: async (input) => {
      const outcome = await channel.send(input);
      if (outcome.status === "delivered") delivered.count += 1;
      return outcome;
    },
  });
  const sender = createReminderSender({
    db,
    bus,
    now,
    instanceId: `bench-${n}:reminders`,
    publicUrl: config.publicUrl,
    channels: [
      ...defaultReminderChannels({
        ctx: createCtx({ db, bus, now }),
        mailer,
        vapid: deps.vapid,
        publicUrl: config.publicUrl,
        mailFrom: config.mailFrom,
        pushAgent: deps.push.agent,
      }),
      slackChannel,
    ].map(counted),
  });
  sender.start();
  return { dispatcher, sender, delivered };
}

/**
 * One open table with REFERENTS referents (inserted directly), each with preferences "an hour before, by
 * push and Slack", a browser subscribed on the push stand-in and a Slack account linked on the Slack
 * one; and one sitting two hours ahead (inserted directly, so no convocation notices run).
 */
async function remindersWorld(db: Db, push: FakePush, slack: FakeSlack, vapid: VapidKeys) {
  const c = collections(db);
  const agreementId = await agreement({ c });
  const table = tableDoc(agreementId, 1);
  await c.tables.insertOne(table);
  const people = await referents({ c }, agreementId, [table], REFERENTS);
  const now = new Date();
  await c.reminderPreferences.insertMany(
    people.map(({ id }) => ({
      _id: id,
      revision: 1,
      leadMinutes: [LEAD_MINUTES],
      channels: { email: false, slack: true, push: true },
      paused: false,
      updatedAt: now,
    })),
  );
  const pushOf = new Map<string, string>();
  const slackOf = new Map<string, string>();
  await c.pushSubscriptions.insertMany(
    people.map(({ id }) => {
      const browser = push.subscribe(vapid.publicKey);
      pushOf.set(browser.endpoint, id.toHexString());
      return {
        _id: new ObjectId(),
        personId: id,
        endpoint: browser.endpoint,
        endpointHash: endpointHash(browser.endpoint),
        expirationTime: null,
        keys: browser.keys,
        userAgent: "bench",
        label: null,
        createdAt: now,
        updatedAt: now,
      };
    }),
  );
  await chatCollections(db).accounts.insertMany(
    people.map(({ id }, i) => {
      const userId = `UBENCH${String(i).padStart(5, "0")}`;
      slack.addUser({ id: userId, teamId: TEAM_ID, email: `slack-${i}@bench.example.it` });
      // The stand-in opens `D` + the user id without its `U` as the DM channel.
      slackOf.set(`D${userId.slice(1)}`, id.toHexString());
      return {
        _id: new ObjectId(),
        teamId: TEAM_ID,
        userId,
        personId: id,
        locale: "it-IT",
        linkedBy: "email" as const,
        linkedAt: now,
      };
    }),
  );
  const startsAt = new Date(Math.ceil((now.getTime() + 2 * 3600_000) / MIN) * MIN);
  const meeting: MeetingDoc = {
    _id: new ObjectId(),
    agreementId,
    tableId: table._id,
    seriesId: null,
    title: "Seduta plenaria (benchmark)",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
    mode: "online",
    place: null,
    videoLink: { url: "https://meet.jit.si/Tavoli-bench-reminders", provider: "jitsi", generated: true },
    agenda: [
      {
        _id: new ObjectId(),
        title: "Piano di lavoro",
        presenter: null,
        attachments: [],
        confidential: false,
      },
    ],
    rsvpDeadline: null,
    quorum: { kind: "majority" },
    status: "convened",
    sequence: 0,
    checkInCode: "123456",
    cancellation: null,
    register: null,
    createdBy: people[0]?.id ?? new ObjectId(),
    createdAt: now,
    updatedAt: now,
  };
  await c.meetings.insertOne(meeting);
  return { meeting, pushOf, slackOf, due: new Date(startsAt.getTime() - LEAD_MINUTES * MIN) };
}

const sleep = (msToWait: number) => new Promise((resolve) => setTimeout(resolve, msToWait));

async function remindersRows(env: BenchEnv): Promise<BenchRow[]> {
  const push = await startFakePush();
  const slack = await startFakeSlack();
  const db = env.client.db(`bench_notify_${new ObjectId().toHexString().slice(-8)}`);
  const instances: ReturnType<typeof startInstance>[] = [];
  try {
    await ensureIndexes(db);
    await ensureSlackIndexes(db);
    const config = slackConfig(slack);
    let offsetMs = 0;
    const now = () => new Date(Date.now() + offsetMs);
    const vapid = await loadVapidKeys(db, config);
    const setupStarted = performance.now();
    const world = await remindersWorld(db, push, slack, vapid);
    const setupMs = performance.now() - setupStarted;
    // Planned by the planner itself (what the dispatcher's reminder-planner runs on meeting.convened).
    const planStarted = performance.now();
    await planSitting(createCtx({ db, bus: new EventBus(), now }), world.meeting._id);
    const planMs = performance.now() - planStarted;
    const planned = await collections(db).reminderOccurrences.countDocuments({
      meetingId: world.meeting._id,
      state: "pending",
      dueAt: world.due,
    });

    // The claim's filter and sort as a read, with all of them due (the sender's claim is this plus its update).
    const probeStarted = performance.now();
    for (let i = 0; i < PROBES; i++)
      await collections(db).reminderOccurrences.findOne(
        {
          $or: [
            { state: "pending", dueAt: { $lte: world.due } },
            { state: "sending", leaseUntil: { $lte: world.due } },
          ],
        },
        { sort: { dueAt: 1 } },
      );
    const probeMs = (performance.now() - probeStarted) / PROBES;

    const pushArrivals = stampAppends(push.received, (p) =>
      p.status === 201 ? (world.pushOf.get(p.endpoint) ?? null) : null,
    );
    const refusedPushes = stampAppends(push.received, (p) => (p.status === 201 ? null : p.endpoint));
    const slackArrivals = stampAppends(slack.calls, (call) =>
      call.method === "chat.postMessage" ? (world.slackOf.get(String(call.args.channel)) ?? null) : null,
    );
    for (let n = 1; n <= INSTANCES; n++) instances.push(startInstance(n, { db, config, now, vapid, push }));
    // From here the clock reads T in DUE_IN_MS of real time, and runs at real speed.
    const dueAtReal = Date.now() + DUE_IN_MS;
    offsetMs = world.due.getTime() - dueAtReal;

    const expected = REFERENTS * 2;
    const deadline = dueAtReal + GIVE_UP_MS;
    const distinct = () =>
      new Set(pushArrivals.map((a) => a.key)).size + new Set(slackArrivals.map((a) => a.key)).size;
    while (distinct() < expected && Date.now() < deadline) await sleep(50);
    await sleep(QUIET_MS);
    const early = [...pushArrivals, ...slackArrivals].filter((a) => a.at < dueAtReal).length;
    const lastAt = Math.max(...pushArrivals.map((a) => a.at), ...slackArrivals.map((a) => a.at));
    const firstAt = Math.min(...pushArrivals.map((a) => a.at), ...slackArrivals.map((a) => a.at));
    const tally = (arrivals: Arrival[], people: Iterable<string>) => {
      const counts = new Map<string, number>();
      for (const person of people) counts.set(person, 0);
      for (const { key } of arrivals) counts.set(key, (counts.get(key) ?? 0) + 1);
      const values = [...counts.values()];
      return {
        duplicates: values.filter((n) => n > 1).length,
        extra: values.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
        lost: values.filter((n) => n === 0).length,
      };
    };
    const pushTally = tally(pushArrivals, world.pushOf.values());
    const slackTally = tally(slackArrivals, world.slackOf.values());
    const duplicates = pushTally.duplicates + slackTally.duplicates;
    const lost = pushTally.lost + slackTally.lost;
    const latencyMs = lastAt - dueAtReal;
    const occurrences = await collections(db)
      .reminderOccurrences.aggregate<{ _id: string; n: number }>([
        { $match: { meetingId: world.meeting._id } },
        { $group: { _id: "$state", n: { $sum: 1 } } },
      ])
      .toArray();
    const sendLatency = await collections(db)
      .reminderDeliveries.aggregate<{ _id: string; avg: number; n: number }>([
        { $match: { meetingId: world.meeting._id } },
        { $group: { _id: "$channel", avg: { $avg: "$latencyMs" }, n: { $sum: 1 } } },
      ])
      .toArray();
    const perOccurrenceMs = ((lastAt - firstAt) * INSTANCES) / Math.max(1, planned);
    const mails = await collections(db).outbox.countDocuments({});
    const load = `${REFERENTS} referents × (push + Slack DM), ${INSTANCES} senders + ${INSTANCES} dispatchers, ${env.backend}`;
    const states = occurrences.map((o) => `${o._id} ${o.n}`).join(", ");
    return [
      {
        bench: "notifications",
        measure: `set-up: ${REFERENTS} referents with preferences, push subscription, Slack link (direct inserts)`,
        value: ms(setupMs),
      },
      {
        bench: "notifications",
        measure: "planSitting: occurrences planned, due at T",
        value: `${planned} in ${ms(planMs)}`,
      },
      {
        bench: "notifications",
        measure: `T → first delivery at the stand-ins (${load})`,
        value: Number.isFinite(firstAt) ? ms(firstAt - dueAtReal) : "none",
      },
      {
        bench: "notifications",
        measure: "T → last delivery at the stand-ins",
        value: Number.isFinite(lastAt) ? ms(latencyMs) : "none",
        target: `≤ ${LATENCY_TARGET_MS / 1000} s`,
        ok: Number.isFinite(lastAt) && latencyMs <= LATENCY_TARGET_MS,
      },
      {
        bench: "notifications",
        measure: "deliveries received: push 201 / Slack chat.postMessage (expected 1,000 each)",
        value: `${pushArrivals.length} / ${slackArrivals.length}${early ? ` (${early} before T!)` : ""}`,
      },
      {
        bench: "notifications",
        measure: "duplicates: (person, channel) received more than once",
        value: `${duplicates} (push ${pushTally.duplicates}, Slack ${slackTally.duplicates}; ${pushTally.extra + slackTally.extra} extra)`,
        target: "0",
        ok: duplicates === 0,
      },
      {
        bench: "notifications",
        measure: `lost: (person, channel) never received within ${GIVE_UP_MS / 1000} s of T`,
        value: `${lost} (push ${pushTally.lost}, Slack ${slackTally.lost})`,
        target: "0",
        ok: lost === 0,
      },
      {
        bench: "notifications",
        measure:
          "per occurrence and sender (first → last delivery × senders ÷ occurrences); of it the channel's send",
        value: `${ms(perOccurrenceMs)}; ${sendLatency
          .sort((a, b) => a._id.localeCompare(b._id))
          .map((l) => `${l._id} ${ms(l.avg)} avg (${l.n} tries)`)
          .join(", ")}`,
      },
      {
        bench: "notifications",
        measure: `the claim's filter + sort as a findOne, ${planned} due (before sending; ${PROBES} runs)`,
        value: `${ms(probeMs)} each`,
      },
      {
        bench: "notifications",
        measure: "occurrences by state; channel deliveries per instance; e-mail fallbacks; refused pushes",
        value: `${states}; delivered by instance ${instances.map((i) => i.delivered.count).join(" / ")}; ${mails} mails; ${refusedPushes.length} refused`,
      },
    ];
  } finally {
    await Promise.all(instances.map(({ sender }) => sender.stop({ waitMs: 2000 })));
    await Promise.all(instances.map(({ dispatcher }) => dispatcher.stop({ waitMs: 2000 })));
    await db.dropDatabase().catch(() => {});
    await push.close();
    await slack.close();
  }
}

/**
 * The dispatcher's cost per event: EVENTS `recordChange` calls with an event, one after the other, and
 * their dispatch to a subscriber that does nothing (until `drain()` resolves), against EVENTS bare
 * `insertOne`s of a similar document into a scratch collection, on a fresh database of the same engine.
 */
async function overheadRows(env: BenchEnv): Promise<BenchRow[]> {
  const db = env.client.db(`bench_dispatch_${new ObjectId().toHexString().slice(-8)}`);
  await ensureIndexes(db);
  const bus = new EventBus();
  let handled = 0;
  // A real catalogued event, so the measure includes what every event costs (its schema check at
  // record time and at delivery), handled by a subscriber that does nothing.
  const noop = defineSubscriber({
    name: "bench-noop",
    types: ["agreement.updated"],
    async handle() {
      handled += 1;
    },
  });
  const dispatcher = createDispatcher({ db, subscribers: [noop] });
  bus.on("*", () => dispatcher.wake());
  dispatcher.start();
  const ctx = createCtx({ db, bus });
  const scratch = db.collection("benchScratch");
  const change = (i: number) => {
    const entityId = new ObjectId();
    return {
      action: "bench.noop",
      entity: "bench",
      entityId,
      agreementId: null,
      before: null,
      after: { n: i },
      systemActorName: "bench",
      event: {
        type: "agreement.updated" as const,
        payload: { agreementId: entityId.toHexString(), changed: [`n${i}`] },
      },
    };
  };
  const bare = (i: number) =>
    scratch.insertOne({
      at: new Date(),
      action: "bench.noop",
      entity: "bench",
      entityId: new ObjectId(),
      after: { n: i },
      payload: { n: i },
    });
  try {
    for (let i = 0; i < WARMUP; i++) await bare(i);
    for (let i = 0; i < WARMUP; i++) await recordChange(ctx, change(i));
    await dispatcher.drain({ timeoutMs: 60_000 });
    handled = 0;

    // Alternating rounds, so that a change in the shared machine's load weighs on both sides alike.
    let bareMs = 0;
    let recordedMs = 0;
    let dispatchedMs = 0;
    const ratios: number[] = [];
    const each = EVENTS / ROUNDS;
    for (let round = 0; round < ROUNDS; round++) {
      const from = WARMUP + round * each;
      let started = performance.now();
      for (let i = 0; i < each; i++) await bare(from + i);
      const roundBare = performance.now() - started;
      started = performance.now();
      for (let i = 0; i < each; i++) await recordChange(ctx, change(from + i));
      recordedMs += performance.now() - started;
      await dispatcher.drain({ timeoutMs: 120_000 });
      const roundDispatched = performance.now() - started;
      bareMs += roundBare;
      dispatchedMs += roundDispatched;
      ratios.push(roundDispatched / roundBare);
    }

    const perBare = bareMs / EVENTS;
    const perEvent = dispatchedMs / EVENTS;
    return [
      {
        bench: "notifications",
        measure: `bare insertOne into a scratch collection (${EVENTS}, sequential, in ${ROUNDS} rounds alternating with the next)`,
        value: `${perBare.toFixed(2)} ms each`,
      },
      {
        bench: "notifications",
        measure: `recordChange with an event (${EVENTS}, sequential; dispatcher running)`,
        value: `${(recordedMs / EVENTS).toFixed(2)} ms each`,
      },
      {
        bench: "notifications",
        measure: `… until drain(): each dispatched to a no-op subscriber (${handled} handled)`,
        value: `${perEvent.toFixed(2)} ms per event`,
      },
      {
        bench: "notifications",
        measure: `dispatcher overhead: per-event cost ÷ bare insert (rounds of ${EVENTS / ROUNDS}: ${ratios.map((r) => r.toFixed(1)).join(", ")})`,
        value: `${(perEvent / perBare).toFixed(1)}×`,
      },
    ];
  } finally {
    await dispatcher.stop({ waitMs: 2000 });
    await db.dropDatabase().catch(() => {});
  }
}

/** Runs the reminder delivery bench, then the dispatcher's overhead; each on its own fresh database. */
export async function run(env: BenchEnv): Promise<BenchRow[]> {
  return [...(await remindersRows(env)), ...(await overheadRows(env))];
}
