// Meetings: RSVP writes through the API against raw driver writes on the same collection (the issue's
// target: the API keeps at least half the raw rate), where an RSVP request spends its database round
// trips, and the latency of "my upcoming sittings" for a referent on 20 tables with 500 sittings.
import type { ObjectId } from "mongodb";
import { byCollection, profileRequests, profileRows, rsvpPhases } from "./db-profile.ts";
import { type BenchApp, type BenchEnv, type BenchRow, concurrentRate, ms, timeCalls } from "./harness.ts";
import { type BenchPerson, calendarWorld, rsvpWorld } from "./meetings-setup.ts";

const REFERENTS = 200;
const CONCURRENCY = 8;
// 400 API writes keep the bench within a minute on two shared cores.
const WRITES = 400;
const RATIO_TARGET = 0.5;
const PROFILED_REQUESTS = 30;
const TABLES = 20;
const MEETINGS = 500;
const RUNS = 100;
// No figure in the issue beyond printing it: this bench's own yardstick for an interactive page.
const P99_TARGET_MS = 300;

type Answer = "presenza" | "remoto";

/** Call i answers for referent i mod REFERENTS; each pass over them flips the answer, so every call changes it. */
const answerFor = (i: number): Answer => (Math.floor(i / REFERENTS) % 2 ? "remoto" : "presenza");

function personFor(people: BenchPerson[], i: number): BenchPerson {
  const person = people[i % people.length];
  if (!person) throw new Error("no referent");
  return person;
}

async function answerViaApi(app: BenchApp, meetingId: ObjectId, people: BenchPerson[], i: number) {
  const answer = answerFor(i);
  const response = await fetch(`${app.url}/api/v1/meetings/${meetingId}/rsvps/me`, {
    method: "PUT",
    headers: { authorization: `Bearer ${personFor(people, i).token}`, "content-type": "application/json" },
    body: JSON.stringify({ answer }),
  });
  const body = (await response.json()) as { answer?: string };
  if (response.status !== 200 || body.answer !== answer)
    throw new Error(`PUT rsvp: ${response.status} ${JSON.stringify(body)}`);
}

async function answerRaw(app: BenchApp, meetingId: ObjectId, people: BenchPerson[], i: number) {
  const { id } = personFor(people, i);
  const result = await app.c.rsvps.updateOne(
    { meetingId, personId: id },
    { $set: { answer: answerFor(i), answeredBy: id, answeredAt: new Date() } },
  );
  if (result.matchedCount !== 1) throw new Error(`raw rsvp update matched ${result.matchedCount}`);
}

async function rsvpRows(env: BenchEnv): Promise<BenchRow[]> {
  const app = await env.startApp();
  try {
    const { meetingId, people } = await rsvpWorld(app, REFERENTS, env.config.jitsiBaseUrl);
    const api = (i: number) => answerViaApi(app, meetingId, people, i);
    const raw = (i: number) => answerRaw(app, meetingId, people, i);
    // Warm-up: one pass through the API stores every answer; later passes change them (API, then raw).
    await concurrentRate(api, REFERENTS, CONCURRENCY);
    const apiRate = await concurrentRate((i) => api(REFERENTS + i), WRITES, CONCURRENCY);
    const rawFrom = REFERENTS + WRITES;
    await concurrentRate((i) => raw(rawFrom + i), REFERENTS, CONCURRENCY);
    const rawRate = await concurrentRate((i) => raw(rawFrom + REFERENTS + i), WRITES, CONCURRENCY);
    const stored = await app.c.rsvps.countDocuments({ meetingId });
    const lastAnswer = answerFor(rawFrom + REFERENTS + WRITES - 1);
    const ratio = apiRate / rawRate;
    const load = `${REFERENTS} referents, ${CONCURRENCY} in flight, ${WRITES} writes`;
    return [
      {
        bench: "meetings",
        measure: `PUT /meetings/{id}/rsvps/me (${load})`,
        value: `${apiRate.toFixed(0)} req/s`,
      },
      {
        bench: "meetings",
        measure: `raw driver updateOne on rsvps (same load)`,
        value: `${rawRate.toFixed(0)} ops/s (${stored} answers stored, last "${lastAnswer}")`,
      },
      {
        bench: "meetings",
        measure: "RSVP writes: API / raw driver",
        value: `${ratio.toFixed(2)}×`,
        target: `≥ ${RATIO_TARGET}×`,
        ok: ratio >= RATIO_TARGET && stored === REFERENTS,
      },
    ];
  } finally {
    await app.close();
  }
}

/** Where the time of the two measured requests goes, on databases of their own set up the same way. */
async function profiles(env: BenchEnv): Promise<BenchRow[]> {
  const rsvp = await profileRequests(
    env,
    async (app) => {
      const { meetingId, people } = await rsvpWorld(app, REFERENTS, env.config.jitsiBaseUrl);
      return (i) => answerViaApi(app, meetingId, people, i);
    },
    { warmup: REFERENTS, runs: PROFILED_REQUESTS, phaseOf: rsvpPhases },
  );
  const mine = await profileRequests(
    env,
    async (app) => {
      const { person } = await calendarWorld(app, TABLES, MEETINGS);
      return () => myMeetings(app, person).then(() => {});
    },
    { warmup: 5, runs: PROFILED_REQUESTS, phaseOf: byCollection },
  );
  return [
    ...profileRows("meetings", `PUT rsvp (${PROFILED_REQUESTS} sequential)`, rsvp),
    ...profileRows("meetings", `GET /people/me/meetings (${PROFILED_REQUESTS} sequential)`, mine),
  ];
}

/** The referent's upcoming sittings with the default page size (50); returns how many came back. */
async function myMeetings(app: BenchApp, person: BenchPerson): Promise<number> {
  const response = await fetch(`${app.url}/api/v1/people/me/meetings`, {
    headers: { authorization: `Bearer ${person.token}` },
  });
  const body = (await response.json()) as { items?: unknown[] };
  if (response.status !== 200) throw new Error(`GET /people/me/meetings: ${response.status}`);
  return body.items?.length ?? 0;
}

async function myMeetingsRows(env: BenchEnv): Promise<BenchRow[]> {
  const app = await env.startApp();
  try {
    const { person, upcoming } = await calendarWorld(app, TABLES, MEETINGS);
    const expected = Math.min(50, upcoming);
    const timing = await timeCalls(async () => {
      const items = await myMeetings(app, person);
      if (items !== expected)
        throw new Error(`GET /people/me/meetings: ${items} items, expected ${expected}`);
    }, RUNS);
    const measure = `GET /people/me/meetings (default limit 50; ${TABLES} tables, ${MEETINGS} sittings)`;
    return [
      { bench: "meetings", measure: `${measure} p50`, value: ms(timing.p50) },
      {
        bench: "meetings",
        measure: `${measure} p99`,
        value: ms(timing.p99),
        target: `< ${P99_TARGET_MS} ms`,
        ok: timing.p99 < P99_TARGET_MS,
      },
    ];
  } finally {
    await app.close();
  }
}

/** Runs the meetings benchmarks; each part on its own fresh database. */
export async function run(env: BenchEnv): Promise<BenchRow[]> {
  return [...(await rsvpRows(env)), ...(await myMeetingsRows(env)), ...(await profiles(env))];
}
