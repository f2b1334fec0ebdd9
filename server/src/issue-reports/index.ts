// The issue reports' public surface.

export { raiseIssueReport } from "./raise.ts";
export { issueReportSection } from "./report-section.ts";
export { serviceReportTimes } from "./service-times.ts";
