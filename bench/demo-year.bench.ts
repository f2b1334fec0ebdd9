// The default bench: with the 7,904 comuni imported and a year of the five demo agreements loaded,
// every page a referent opens must answer within 100 ms at p99, and an RSVP through the API must keep at
// least half the rate of a raw driver updateOne on the same engine.
import type { ObjectId } from "mongodb";
import { loadDemoYear } from "./demo-year.ts";
import type { BenchApp, BenchEnv, BenchRow } from "./harness.ts";
import { type Page, pageRows, rsvpRatioRows, tokenFor } from "./pages.ts";

const P99_TARGET_MS = 100;
const RATIO_TARGET = 0.5;
const RUNS = 100;
const WRITES = 300;
const CONCURRENCY = 8;

/** The id that occurs most often in `field` of a collection's documents matching `filter`. */
async function mostFrequent(app: BenchApp, collection: "designations" | "memberships", field: string) {
  const [top] = await app.db
    .collection(collection)
    .aggregate<{ _id: ObjectId }>([{ $group: { _id: `$${field}`, n: { $sum: 1 } } }, { $sort: { n: -1 } }])
    .toArray();
  if (!top) throw new Error(`no ${collection}`);
  return top._id;
}

/** The busiest viewer and the objects of their pages: the largest agreement, table and sittings. */
async function pagesOf(app: BenchApp): Promise<{ pages: Page[]; busiestTable: ObjectId }> {
  const referentId = await mostFrequent(app, "designations", "personId");
  const token = await tokenFor(app, referentId);
  const agreementId = await mostFrequent(app, "memberships", "agreementId");
  const tableId = await mostFrequent(app, "designations", "tableId");
  const tables = (await app.c.designations.find({ personId: referentId }).toArray()).map((d) => d.tableId);
  const now = new Date();
  const next = await app.c.meetings.findOne(
    { tableId: { $in: tables }, startsAt: { $gt: now } },
    { sort: { startsAt: 1 } },
  );
  const last = await app.c.meetings.findOne(
    { tableId: { $in: tables }, "register.closedAt": { $ne: null } },
    { sort: { startsAt: -1 } },
  );
  if (!next || !last) throw new Error("the busiest referent has no upcoming or past sitting");
  const pages = [
    { label: "GET /agreements/{id}/members", path: `/agreements/${agreementId}/members` },
    { label: "GET /people/me/meetings", path: "/people/me/meetings" },
    { label: "GET /meetings/{id}", path: `/meetings/${next._id}` },
    { label: "GET /tables/{id}/designations", path: `/tables/${tableId}/designations` },
    { label: "GET /meetings/{id}/attendance", path: `/meetings/${last._id}/attendance` },
    { label: "GET /meetings/{id}/minutes", path: `/meetings/${last._id}/minutes` },
  ];
  return { pages: pages.map((p) => ({ ...p, token })), busiestTable: tableId };
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

export async function run(env: BenchEnv): Promise<BenchRow[]> {
  const app = await env.startApp();
  try {
    const year = await loadDemoYear(app, env.config);
    const loaded: BenchRow = {
      bench: "demo year",
      measure: "loaded (ISTAT importer, demo seed, past sittings through the use cases, audit topped up)",
      value: `${year.comuni} comuni, ${year.sittings} sittings, ${year.answers} answers, ${year.auditEntries} audit entries in ${(year.ms / 1000).toFixed(0)} s`,
    };
    const { pages, busiestTable } = await pagesOf(app);
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
    return [loaded, ...pageFigures, ...rsvp];
  } finally {
    await app.close();
  }
}
