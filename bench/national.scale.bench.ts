// `npm run bench -- scale`: the default bench's pages and RSVP ratio at national scale (7,904 comuni,
// 40,000 people, 2,000 tables, 100,000 sittings), where "my meetings" must stay under 50 ms at p99.
import type { ObjectId } from "mongodb";
import { EventBus } from "../server/src/shared/events.ts";
import type { TableDoc } from "../server/src/tables/documents.ts";
import { pastSitting } from "./demo-year.ts";
import type { BenchEnv, BenchRow } from "./harness.ts";
import { myMeetingsQueryRows } from "./my-meetings-queries.ts";
import { loadNational } from "./national.ts";
import { pageRows, rsvpRatioRows, tokenFor } from "./pages.ts";

const PAGE_P99_TARGET_MS = 100;
const MY_MEETINGS_P99_TARGET_MS = 50;
const RATIO_TARGET = 0.5;
const RUNS = 50;
const WRITES = 200;
const CONCURRENCY = 8;
const DAY_MS = 86_400_000;

export async function run(env: BenchEnv): Promise<BenchRow[]> {
  const app = await env.startApp();
  try {
    const { counts, ms: loadMs } = await loadNational(app);
    const referent = await app.c.designations.findOne({}, { sort: { _id: 1 } });
    if (!referent) throw new Error("no designation");
    const table = (await app.c.tables.findOne({ _id: referent.tableId })) as TableDoc;
    // One past sitting held through the real use cases, so attendance and minutes have real rows.
    const adminId = app.adminCtx.actor?.personId as ObjectId;
    const startsAt = new Date(Math.floor(Date.now() / DAY_MS - 10) * DAY_MS + 9 * 3600_000);
    await pastSitting(app.db, new EventBus(), table, adminId, startsAt, 999);
    const held = await app.c.meetings.findOne({ tableId: table._id, "register.closedAt": { $ne: null } });
    const next = await app.c.meetings.findOne(
      { tableId: table._id, startsAt: { $gt: new Date() } },
      { sort: { startsAt: 1 } },
    );
    if (!held || !next) throw new Error("no held or upcoming sitting");
    const token = await tokenFor(app, referent.personId);
    const note = `${counts.people} people, ${counts.sittings} sittings`;
    const page = (label: string, path: string) => ({ label, path, token });
    const mine = await pageRows(app, "national", [page("GET /people/me/meetings", "/people/me/meetings")], {
      runs: RUNS,
      p99TargetMs: MY_MEETINGS_P99_TARGET_MS,
      note,
    });
    const others = await pageRows(
      app,
      "national",
      [
        page("GET /agreements/{id}/members", `/agreements/${referent.agreementId}/members`),
        page("GET /meetings/{id}", `/meetings/${next._id}`),
        page("GET /tables/{id}/designations", `/tables/${table._id}/designations`),
        page("GET /meetings/{id}/attendance", `/meetings/${held._id}/attendance`),
        page("GET /meetings/{id}/minutes", `/meetings/${held._id}/minutes`),
      ],
      { runs: RUNS, p99TargetMs: PAGE_P99_TARGET_MS, note },
    );
    const seated = await app.c.designations.find({ tableId: table._id }).toArray();
    const people = await Promise.all(
      seated.slice(0, 20).map(async (d) => ({ id: d.personId, token: await tokenFor(app, d.personId) })),
    );
    const rsvp = await rsvpRatioRows(
      app,
      "national",
      { meetingId: next._id, people },
      {
        writes: WRITES,
        concurrency: CONCURRENCY,
        ratioTarget: RATIO_TARGET,
      },
    );
    const loaded: BenchRow = {
      bench: "national",
      measure: "loaded (ISTAT importer, then insertMany in batches of 1,000)",
      value: `${Object.entries(counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(", ")} in ${(loadMs / 1000).toFixed(0)} s`,
    };
    const reads = await myMeetingsQueryRows(app, "national", {
      personId: referent.personId,
      token,
      runs: 20,
    });
    return [loaded, ...mine, ...reads, ...others, ...rsvp];
  } finally {
    await app.close();
  }
}
