import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { type IsoDate, romeDate } from "../shared/dates.ts";
import type { IssueSeverity } from "./documents.ts";
import { milestones } from "./time-in-status.ts";

/**
 * The times of the issue reports naming a shared service, raised within the period (days in
 * Europe/Rome, both included; all time when absent): for its response and resolution levels. Ids,
 * severities and hours only: no title leaves the feature this way, confidential or not.
 */
export async function serviceReportTimes(
  ctx: Ctx,
  serviceId: ObjectId,
  period: { from?: IsoDate; to?: IsoDate } = {},
): Promise<{ severity: IssueSeverity; hoursToTriage: number | null; hoursToResolution: number | null }[]> {
  const reports = await ctx.c.issueReports
    .find({ serviceId }, { projection: { createdAt: 1, history: 1, severity: 1 } })
    .toArray();
  return reports
    .filter((r) => {
      const day = romeDate(r.createdAt);
      return (!period.from || day >= period.from) && (!period.to || day <= period.to);
    })
    .map((r) => {
      const { hoursToTriage, hoursToResolution } = milestones(r);
      return { severity: r.severity, hoursToTriage, hoursToResolution };
    });
}
