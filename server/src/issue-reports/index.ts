// The issue reports' public surface.
export { issueReportSection } from "./report-section.ts";
export { raiseIssueReport } from "./raise.ts";
export { serviceReportTimes } from "./service-times.ts";
