import type { IssueReportDoc, IssueStatus } from "./documents.ts";

/** The statuses a report waits in; `risolta` and `respinta` are final and stop the clock. */
const WAITING: readonly IssueStatus[] = ["aperta", "in_esame", "inoltrata"];

export type TimeInStatus = Partial<Record<"aperta" | "in_esame" | "inoltrata", number>>;

/**
 * Whole seconds the report spent in each waiting status, from its raising through its history, the
 * current one up to `now`. They add up to the time from raising to `now`, or to the final status.
 */
export function timeInStatus(report: Pick<IssueReportDoc, "createdAt" | "history" | "status">, now: Date) {
  const spent: Record<string, number> = {};
  let status: IssueStatus = "aperta";
  let since = report.createdAt.getTime();
  const add = (until: number) => {
    if (WAITING.includes(status)) spent[status] = (spent[status] ?? 0) + Math.max(0, until - since);
  };
  for (const step of report.history) {
    add(step.at.getTime());
    status = step.to;
    since = step.at.getTime();
  }
  add(now.getTime());
  return Object.fromEntries(
    Object.entries(spent).map(([k, ms]) => [k, Math.round(ms / 1000)]),
  ) as TimeInStatus;
}

/** Milestones of a report for service levels and reports: first triage step and resolution, if any. */
export function milestones(report: Pick<IssueReportDoc, "createdAt" | "history">) {
  const first = report.history[0]?.at ?? null;
  const resolved = report.history.find((h) => h.to === "risolta")?.at ?? null;
  const hours = (at: Date | null) =>
    at ? Math.round(((at.getTime() - report.createdAt.getTime()) / 3_600_000) * 10) / 10 : null;
  return {
    firstTriageAt: first,
    resolvedAt: resolved,
    hoursToTriage: hours(first),
    hoursToResolution: hours(resolved),
  };
}
