// The reports feature's public surface.
export { type IssuedReport, issuedReportsOf, type ReportPreset } from "./issued.ts";
export type { ReportSection, ReportSectionSource } from "./section.ts";
export { REPORT_SECTIONS } from "./sections.ts";
