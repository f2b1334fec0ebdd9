import { ObjectId } from "mongodb";
import type { MeetingDoc } from "../meetings/documents.ts";
import { inRome } from "../meetings/local-time.ts";
import { sittingsStartingBetween } from "../meetings/queries.ts";
import { sittingState } from "../meetings/report-section.ts";
import { organisationNames } from "../organisations/queries.ts";
import { periodInstants } from "../reports/period.ts";
import type { ReportPeriod, ReportScope, ReportSectionSource } from "../reports/section.ts";
import type { Ctx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import type { TableDoc } from "../tables/documents.ts";
import type { AttendanceDoc } from "./documents.ts";
import { membersOnTheDay, quorumOf } from "./queries.ts";

type Held = { meeting: MeetingDoc; table: TableDoc; members: string[]; rows: AttendanceDoc[] };

/**
 * The sittings held in the period (convened, started by now) on the tables in scope, each with the
 * organisations sitting on its table that day and its attendance rows: one query for the rows, one per
 * table and day for the members.
 */
async function heldSittings(ctx: Ctx, scope: ReportScope, period: ReportPeriod): Promise<Held[]> {
  const { start, end } = periodInstants(period);
  const tableById = new Map(scope.tables.map((t) => [t._id.toHexString(), t]));
  const now = ctx.now();
  const sittings = (
    await sittingsStartingBetween(ctx, { tableIds: scope.tables.map((t) => t._id), start, end })
  ).filter((m) => sittingState(m, now) === "tenuta");
  const rows = sittings.length
    ? await ctx.c.attendance.find({ meetingId: { $in: sittings.map((m) => m._id) } }).toArray()
    : [];
  const rowsOf = new Map<string, AttendanceDoc[]>();
  for (const row of rows) {
    const key = row.meetingId.toHexString();
    rowsOf.set(key, [...(rowsOf.get(key) ?? []), row]);
  }
  const membersCache = new Map<string, Promise<string[]>>();
  const held: Held[] = [];
  for (const meeting of sittings) {
    const table = tableById.get(meeting.tableId.toHexString());
    if (!table) continue;
    const key = `${table._id.toHexString()}:${romeDate(meeting.startsAt)}`;
    if (!membersCache.has(key)) membersCache.set(key, membersOnTheDay(ctx, meeting, table));
    const members = (await membersCache.get(key)) ?? [];
    held.push({ meeting, table, members, rows: rowsOf.get(meeting._id.toHexString()) ?? [] });
  }
  return held;
}

/**
 * Presenze: per organisation, the sittings it attended (at least one person for it, in person or by
 * audio-video, DOMAIN rule 5) out of the sittings held while it sat on the table, and the rate (%).
 */
export const attendanceSection: ReportSectionSource = async (ctx, scope, period) => {
  const held = await heldSittings(ctx, scope, period);
  const tally = new Map<string, { convened: number; attended: number }>();
  for (const { members, rows } of held) {
    const present = new Set(rows.flatMap((r) => (r.organisationId ? [r.organisationId.toHexString()] : [])));
    for (const id of members) {
      const t = tally.get(id) ?? { convened: 0, attended: 0 };
      t.convened += 1;
      if (present.has(id)) t.attended += 1;
      tally.set(id, t);
    }
  }
  const names = await organisationNames(
    ctx,
    [...tally.keys()].map((hex) => new ObjectId(hex)),
  );
  const rows = [...tally.entries()]
    .map(([id, t]) => ({
      organisation: names.get(id) ?? id,
      convened: t.convened,
      attended: t.attended,
      rate: t.convened ? Math.round((t.attended / t.convened) * 1000) / 10 : 0,
    }))
    .sort((a, b) => a.organisation.localeCompare(b.organisation, "it"));
  const convened = rows.reduce((n, r) => n + r.convened, 0);
  const attended = rows.reduce((n, r) => n + r.attended, 0);
  return {
    key: "attendance",
    title: { it: "Presenze degli enti", en: "Attendance by organisation" },
    summary: [
      { key: "sittings", label: { it: "Sedute tenute", en: "Sittings held" }, value: held.length },
      {
        key: "organisations",
        label: { it: "Enti convocati", en: "Organisations convened" },
        value: rows.length,
      },
      {
        key: "rate",
        label: { it: "Tasso medio di presenza (%)", en: "Overall attendance rate (%)" },
        value: convened ? Math.round((attended / convened) * 1000) / 10 : 0,
      },
    ],
    columns: [
      { key: "organisation", label: { it: "Ente", en: "Organisation" } },
      { key: "convened", label: { it: "Sedute convocate", en: "Sittings convened" } },
      { key: "attended", label: { it: "Sedute con presenza", en: "Sittings attended" } },
      { key: "rate", label: { it: "Tasso di presenza (%)", en: "Attendance rate (%)" } },
    ],
    rows,
    chart: {
      title: { it: "Tasso di presenza per ente (%)", en: "Attendance rate by organisation (%)" },
      labelColumn: "organisation",
      valueColumn: "rate",
      max: 100,
    },
  };
};

const RULE_LABEL = { none: "nessuno", majority: "maggioranza degli enti", fixed: "numero fisso" } as const;

/**
 * Quorum: per sitting held, whether the quorum was reached, with the organisations represented and
 * required (as the closed register recorded it, else as computed now from the rows).
 */
export const quorumSection: ReportSectionSource = async (ctx, scope, period) => {
  const held = await heldSittings(ctx, scope, period);
  const rows = held.map(({ meeting, table, members, rows }) => {
    const q = meeting.register?.quorum ?? quorumOf(meeting, members, rows);
    const local = inRome(meeting.startsAt);
    return {
      date: local.toISODate(),
      table: table.name,
      title: meeting.title,
      rule:
        q.rule.kind === "fixed" ? `${RULE_LABEL.fixed} (${q.rule.organisations})` : RULE_LABEL[q.rule.kind],
      members: q.memberOrganisations,
      present: q.representedOrganisations,
      required: q.required,
      reached: q.reached,
      registerClosed: meeting.register !== null,
    };
  });
  const reached = rows.filter((r) => r.reached).length;
  return {
    key: "quorum",
    title: { it: "Quorum delle sedute", en: "Quorum of the sittings" },
    summary: [
      { key: "sittings", label: { it: "Sedute tenute", en: "Sittings held" }, value: rows.length },
      { key: "reached", label: { it: "Con quorum raggiunto", en: "Quorum reached" }, value: reached },
      {
        key: "notReached",
        label: { it: "Senza quorum", en: "Quorum not reached" },
        value: rows.length - reached,
      },
    ],
    columns: [
      { key: "date", label: { it: "Data", en: "Date" } },
      { key: "table", label: { it: "Tavolo", en: "Table" } },
      { key: "title", label: { it: "Seduta", en: "Sitting" } },
      { key: "rule", label: { it: "Regola", en: "Rule" } },
      { key: "members", label: { it: "Enti membri", en: "Member organisations" } },
      { key: "present", label: { it: "Enti presenti", en: "Organisations present" } },
      { key: "required", label: { it: "Enti richiesti", en: "Organisations required" } },
      { key: "reached", label: { it: "Quorum raggiunto", en: "Quorum reached" } },
      { key: "registerClosed", label: { it: "Registro chiuso", en: "Register closed" } },
    ],
    rows,
  };
};
