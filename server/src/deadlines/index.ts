// The deadlines' public surface: the housekeeping job, the report section, the computed list.
export { computeDeadlines, type Deadline } from "./compute.ts";
export { deadlineSection } from "./report-section.ts";
export { deadlineNoticesJob, emitDeadlineNotices } from "./sweep.ts";
