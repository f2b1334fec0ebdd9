// Which query makes "my meetings" slow: each database read GET /people/me/meetings makes (auth, actor,
// reach, candidates), timed alone through the raw driver on the same data, with the reason the engine
// gives it: mongo-java-server answers from an index only for `_id` or a unique index whose fields equal
// the query's exactly; everything else scans the whole collection, and sorts run in memory.
import type { ObjectId } from "mongodb";
import { hashToken } from "../server/src/auth/secrets.ts";
import { romeDate } from "../server/src/shared/dates.ts";
import { type BenchApp, type BenchRow, ms, timeCalls } from "./harness.ts";

/** One row per read, p50 of `runs` calls, for the referent `personId` holding API token `token`. */
export async function myMeetingsQueryRows(
  app: BenchApp,
  bench: string,
  input: { personId: ObjectId; token: string; runs: number },
): Promise<BenchRow[]> {
  const { personId } = input;
  const now = new Date();
  const today = romeDate(now);
  const seats = await app.c.designations.find({ personId }).toArray();
  const tableIds = seats.map((d) => d.tableId);
  const organisationIds = seats.map((d) => d.organisationId);
  const reads: [string, () => Promise<unknown>][] = [
    [
      "auth: apiTokens {tokenHash, revokedAt} (scan: fields ≠ unique {tokenHash})",
      () => app.c.apiTokens.findOne({ tokenHash: hashToken(input.token), revokedAt: null }),
    ],
    ["actor: people {_id}", () => app.c.people.findOne({ _id: personId })],
    [
      "actor: designations {personId, from, $or to} (scan; people/load-actor.ts)",
      () =>
        app.c.designations
          .find({ personId, from: { $lte: today }, $or: [{ to: null }, { to: { $gte: today } }] })
          .toArray(),
    ],
    ["reach: designations {personId} (scan)", () => app.c.designations.find({ personId }).toArray()],
    [
      "actor + reach: tables {coordinatorIds} (scan, ×2)",
      () => app.c.tables.find({ coordinatorIds: personId }, { projection: { _id: 1 } }).toArray(),
    ],
    [
      "reach: memberships {organisationId $in} (scan)",
      () => app.c.memberships.find({ organisationId: { $in: organisationIds } }).toArray(),
    ],
    [
      "reach: rsvps {delegateId, answer} (scan)",
      () => app.c.rsvps.find({ delegateId: personId, answer: "delega" }).toArray(),
    ],
    [
      "candidates: meetings {tableId $in, endsAt} (scan; sorted in code)",
      () => app.c.meetings.find({ tableId: { $in: tableIds }, endsAt: { $gt: now } }).toArray(),
    ],
  ];
  const rows: BenchRow[] = [];
  for (const [label, read] of reads) {
    const t = await timeCalls(read, input.runs, 2);
    rows.push({ bench, measure: `my meetings read: ${label}`, value: `p50 ${ms(t.p50)}, p99 ${ms(t.p99)}` });
  }
  return rows;
}
