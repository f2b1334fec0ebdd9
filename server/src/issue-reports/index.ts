// The issue reports' public surface.
export { raiseIssueReport } from "./raise.ts";
