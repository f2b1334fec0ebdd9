import type { ReportCell, ReportSection, ReportSectionSource } from "../reports/section.ts";
import { romeDate } from "../shared/dates.ts";
import { REDACTED_TITLE } from "./present.ts";
import { milestones, timeInStatus } from "./time-in-status.ts";

const label = (it: string, en: string) => ({ it, en });
const hours = (seconds: number | undefined) => (seconds === undefined ? 0 : Math.round(seconds / 360) / 10);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.round(value * 10) / 10;
}

/**
 * The `issue_reports` section of a periodic report: the reports raised in the period on the tables in
 * scope, oldest first, with their times (to the first triage step, to resolution, in each status up to
 * now). A confidential report's title appears only for the tables in `audience.confidentialTableIds`:
 * elsewhere it is "Segnalazione riservata", still counted with its severity, states and times.
 */
export const issueReportSection: ReportSectionSource = async (ctx, scope, period, audience) => {
  const tableNames = new Map(scope.tables.map((t) => [t._id.toHexString(), t.name]));
  const reports = (
    await ctx.c.issueReports
      .find({ tableId: { $in: scope.tables.map((t) => t._id) } })
      .sort({ createdAt: 1, _id: 1 })
      .toArray()
  ).filter((r) => {
    const day = romeDate(r.createdAt);
    return day >= period.from && day <= period.to;
  });
  const now = ctx.now();
  const rows: Record<string, ReportCell>[] = reports.map((r) => {
    const table = r.tableId.toHexString();
    const shown = !r.confidential || audience.confidentialTableIds.has(table);
    const times = milestones(r);
    const spent = timeInStatus(r, now);
    return {
      report: `${tableNames.get(table) ?? ""} #${r.seq}`,
      table: tableNames.get(table) ?? null,
      title: shown ? r.title : REDACTED_TITLE,
      severity: r.severity,
      status: r.status,
      escalated: r.escalation != null,
      raised_on: romeDate(r.createdAt),
      hours_to_triage: times.hoursToTriage,
      hours_to_resolution: times.hoursToResolution,
      hours_aperta: hours(spent.aperta),
      hours_in_esame: hours(spent.in_esame),
      hours_inoltrata: hours(spent.inoltrata),
    };
  });
  const resolved = reports.filter((r) => r.status === "risolta");
  const section: ReportSection = {
    key: "issue_reports",
    title: label("Segnalazioni di criticità", "Issue reports"),
    summary: [
      { key: "opened", label: label("Aperte nel periodo", "Raised in the period"), value: reports.length },
      {
        key: "escalated",
        label: label("Inoltrate all'organo di indirizzo", "Escalated to the steering body"),
        value: reports.filter((r) => r.escalation != null).length,
      },
      { key: "resolved", label: label("Risolte", "Resolved"), value: resolved.length },
      {
        key: "median_hours_to_resolution",
        label: label("Ore alla risoluzione (mediana)", "Hours to resolution (median)"),
        value: median(resolved.flatMap((r) => milestones(r).hoursToResolution ?? [])),
      },
    ],
    columns: [
      { key: "report", label: label("Segnalazione", "Report") },
      { key: "table", label: label("Tavolo", "Table") },
      { key: "title", label: label("Titolo", "Title") },
      { key: "severity", label: label("Gravità", "Severity") },
      { key: "status", label: label("Stato", "Status") },
      { key: "escalated", label: label("Inoltrata", "Escalated") },
      { key: "raised_on", label: label("Aperta il", "Raised on") },
      { key: "hours_to_triage", label: label("Ore alla presa in carico", "Hours to first triage") },
      { key: "hours_to_resolution", label: label("Ore alla risoluzione", "Hours to resolution") },
      { key: "hours_aperta", label: label("Ore aperta", "Hours open") },
      { key: "hours_in_esame", label: label("Ore in esame", "Hours under review") },
      { key: "hours_inoltrata", label: label("Ore inoltrata", "Hours escalated") },
    ],
    rows,
    chart: {
      title: label("Ore alla risoluzione per segnalazione", "Hours to resolution per report"),
      labelColumn: "report",
      valueColumn: "hours_to_resolution",
    },
  };
  return section;
};
