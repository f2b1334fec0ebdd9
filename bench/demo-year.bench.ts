// The default bench: with the 7,904 comuni imported and a year of the five demo agreements loaded,
// every page a referent opens must answer within 100 ms at p99, and an RSVP through the API must keep at
// least half the rate of a raw driver updateOne on the same engine.
import { readFileSync } from "node:fs";
import type { ObjectId } from "mongodb";
import { convenedPeople } from "../server/src/meetings/convened.ts";
import { againstYear, loadDemoYear, YEAR } from "./demo-year.ts";
import type { BenchApp, BenchEnv, BenchRow } from "./harness.ts";
import { type Page, pageRows, rsvpRatioRows, tokenFor } from "./pages.ts";

const P99_TARGET_MS = 100;
const RATIO_TARGET = 0.5;
const RUNS = 100;
const WRITES = 300;
const CONCURRENCY = 8;

/** The agreement with the most members. */
async function largestAgreement(app: BenchApp): Promise<ObjectId> {
  const [top] = await app.c.memberships
    .aggregate<{ _id: ObjectId }>([
      { $group: { _id: "$agreementId", n: { $sum: 1 } } },
      { $sort: { n: -1, _id: 1 } },
    ])
    .toArray();
  if (!top) throw new Error("no memberships");
  return top._id;
}

/** People (or tables) by how many standing seats they hold, most first, each with the tables of those seats. */
async function bySeats(app: BenchApp, key: "personId" | "tableId") {
  return app.c.designations
    .aggregate<{ _id: ObjectId; tables: ObjectId[] }>([
      { $match: { kind: "standing", to: null } },
      { $group: { _id: `$${key}`, tables: { $addToSet: "$tableId" }, n: { $sum: 1 } } },
      { $sort: { n: -1, _id: 1 } },
    ])
    .toArray();
}

/**
 * The first of `ranked` (most seats first) whose tables have an upcoming sitting and a past one with its
 * register closed, with those two sittings: several tables staffed alike have nothing upcoming in the
 * demo, and a referent sitting only there would have no meeting page to open.
 */
async function busiest(app: BenchApp, ranked: { _id: ObjectId; tables: ObjectId[] }[]) {
  const now = new Date();
  for (const { _id, tables } of ranked) {
    const [next, last] = await Promise.all([
      app.c.meetings.findOne({ tableId: { $in: tables }, startsAt: { $gt: now } }, { sort: { startsAt: 1 } }),
      app.c.meetings.findOne(
        { tableId: { $in: tables }, "register.closedAt": { $ne: null } },
        { sort: { startsAt: -1 } },
      ),
    ]);
    if (next && last) return { id: _id, next, last };
  }
  throw new Error("no referent or table with both an upcoming and a past sitting");
}

/**
 * The busiest viewer and the objects of their pages: the largest agreement, the busiest referent and
 * table; `lists` says how long the lists those pages show are, counted from the database.
 */
async function pagesOf(app: BenchApp): Promise<{ pages: Page[]; busiestTable: ObjectId; lists: string }> {
  const ranked = await bySeats(app, "personId");
  const viewer = await busiest(app, ranked);
  const table = await busiest(app, await bySeats(app, "tableId"));
  const token = await tokenFor(app, viewer.id);
  const agreementId = await largestAgreement(app);
  const pages = [
    { label: "GET /agreements/{id}/members", path: `/agreements/${agreementId}/members` },
    { label: "GET /people/me/meetings", path: "/people/me/meetings" },
    { label: "GET /meetings/{id}", path: `/meetings/${viewer.next._id}` },
    { label: "GET /tables/{id}/designations", path: `/tables/${table.id}/designations` },
    { label: "GET /meetings/{id}/attendance", path: `/meetings/${viewer.last._id}/attendance` },
    { label: "GET /meetings/{id}/minutes", path: `/meetings/${viewer.last._id}/minutes` },
  ];
  const tables = ranked.find((r) => r._id.equals(viewer.id))?.tables ?? [];
  const nextTable = await app.c.tables.findOne({ _id: viewer.next.tableId });
  if (!nextTable) throw new Error("the next sitting's table vanished");
  const [members, sittings, convened, answers, present, referents] = await Promise.all([
    app.c.memberships.countDocuments({ agreementId }),
    app.c.meetings.countDocuments({ tableId: { $in: tables } }),
    convenedPeople(app.adminCtx, viewer.next, nextTable),
    app.c.rsvps.countDocuments({ meetingId: viewer.last._id }),
    app.c.attendance.countDocuments({ meetingId: viewer.last._id }),
    app.c.designations.countDocuments({ tableId: table.id, kind: "standing", to: null }),
  ]);
  const lists =
    `${members} members; the referent on ${tables.length} tables, ${sittings} sittings; ` +
    `next sitting ${convened.length} convened; last ${answers} answers, ${present} attended; ` +
    `table ${referents} referents`;
  return { pages: pages.map((p) => ({ ...p, token })), busiestTable: table.id, lists };
}

/** The next sitting of a table and its referents (who may answer it), each with a token. */
async function answerersOf(app: BenchApp, tableId: ObjectId) {
  const meeting = await app.c.meetings.findOne(
    { tableId, startsAt: { $gt: new Date() } },
    { sort: { startsAt: 1 } },
  );
  if (!meeting) throw new Error("the busiest table has no upcoming sitting");
  const meetingId = meeting._id;
  const designations = await app.c.designations.find({ tableId, to: null }).toArray();
  const ids = [...new Map(designations.map((d) => [d.personId.toHexString(), d.personId])).values()];
  return {
    meetingId,
    people: await Promise.all(ids.map(async (id) => ({ id, token: await tokenFor(app, id) }))),
  };
}

/** Resident memory of a process, from /proc (Linux), in MB. */
function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/**
 * What the year costs the embedded engine: its memory with the data loaded and the pages served, and how
 * long it takes to come back after a kill -9 (the supervisor's 0.1 s backoff, reopening the file, and
 * rebuilding the in-memory indexes from every document) until a query answers again.
 */
async function reopenRows(env: BenchEnv, app: BenchApp): Promise<BenchRow[]> {
  if (!env.restartDatabase) return [];
  const pidBefore = env.databasePid();
  const before = pidBefore ? rssMb(pidBefore) : Number.NaN;
  const started = performance.now();
  await env.restartDatabase();
  for (;;) {
    try {
      await app.c.meetings.findOne({});
      break;
    } catch {
      // still reopening
    }
  }
  const reopenMs = performance.now() - started;
  return [
    {
      bench: "demo year",
      measure: `embedded database (${env.backend}): kill -9 → answering again, with the year loaded`,
      value: `${(reopenMs / 1000).toFixed(1)} s; resident memory ${before.toFixed(0)} MB before, ${rssMb(env.databasePid() ?? 0).toFixed(0)} MB after reopening`,
    },
  ];
}

export async function run(env: BenchEnv): Promise<BenchRow[]> {
  const app = await env.startApp();
  try {
    const year = await loadDemoYear(app, env.config);
    const loaded: BenchRow = {
      bench: "demo year",
      measure:
        "loaded (ISTAT importer, demo seed, referents designated, past sittings through the use cases, audit topped up)",
      value: `${year.comuni} comuni, ${year.seats} seats held by ${year.referents} referents, ${year.sittings} sittings, ${year.answers} answers, ${year.auditEntries} audit entries in ${(year.ms / 1000).toFixed(0)} s`,
    };
    const yardstick = againstYear(year);
    const versus: BenchRow = {
      bench: "demo year",
      measure: "loaded ÷ the issue's year (sittings, answers, audit entries)",
      value: yardstick.figures.map((f) => `${(f.loaded / f.target).toFixed(2)}×`).join(", "),
      target: `each ${YEAR.sittings} / ${YEAR.answers} / ${YEAR.auditEntries} ±20%`,
      ok: yardstick.within,
    };
    const { pages, busiestTable, lists } = await pagesOf(app);
    const shown: BenchRow = { bench: "demo year", measure: "what the pages below list", value: lists };
    const note = `${year.comuni} comuni, ${year.sittings} sittings`;
    const pageFigures = await pageRows(app, "demo year", pages, {
      runs: RUNS,
      p99TargetMs: P99_TARGET_MS,
      note,
    });
    const rsvp = await rsvpRatioRows(app, "demo year", await answerersOf(app, busiestTable), {
      writes: WRITES,
      concurrency: CONCURRENCY,
      ratioTarget: RATIO_TARGET,
    });
    return [loaded, versus, shown, ...pageFigures, ...rsvp, ...(await reopenRows(env, app))];
  } finally {
    await app.close();
  }
}
