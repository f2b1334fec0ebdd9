import { actionItemsSection } from "../action-items/report-section.ts";
import { attendanceSection, quorumSection } from "../attendance/report-section.ts";
import { contributionsSection } from "../contributions/report-section.ts";
import { deadlineSection } from "../deadlines/report-section.ts";
import { issueReportSection } from "../issue-reports/report-section.ts";
import { meetingsSection } from "../meetings/report-section.ts";
import { proposalsReportSection } from "../proposals/report-section.ts";
import { serviceSection } from "../services/report-section.ts";
import { workPlanSection } from "../work-plans/report-section.ts";
import type {
  ReportAudience,
  ReportPeriod,
  ReportScope,
  ReportSection,
  ReportSectionSource,
} from "./section.ts";

/**
 * The sections of a periodic report, in the order they are printed. A feature that feeds the report
 * adds its `ReportSectionSource` (from its own `report-section.ts`) here: one line.
 */
export const REPORT_SECTIONS: readonly ReportSectionSource[] = [
  meetingsSection,
  attendanceSection,
  quorumSection,
  contributionsSection,
  proposalsReportSection,
  actionItemsSection,
  workPlanSection,
  issueReportSection,
  serviceSection,
  deadlineSection,
];

/** Every section computed for the scope, period and audience, in order. */
export async function computeSections(
  ctx: Parameters<ReportSectionSource>[0],
  scope: ReportScope,
  period: ReportPeriod,
  audience: ReportAudience,
): Promise<ReportSection[]> {
  return Promise.all(REPORT_SECTIONS.map((source) => source(ctx, scope, period, audience)));
}
