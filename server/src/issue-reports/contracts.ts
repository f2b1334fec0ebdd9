import { createRoute } from "@hono/zod-openapi";
import { authenticated, errorsFor, jsonBody, jsonContent } from "../shared/openapi.ts";
import { idParam } from "../shared/schemas.ts";
import { issueReport, issueReportPage, listQuery, raiseInput, triageInput } from "./schema.ts";

const tags = ["Issue reports"];

export const raiseRoute = createRoute({
  method: "post",
  path: "/tables/{id}/issue-reports",
  tags,
  summary: "Raise a critical issue (segnalazione) for one's own organisation",
  description:
    "A referent of the organisation (or an installation admin); the organisation must sit on the table today " +
    "(409 `organisation_not_on_table`), a `meetingId` must be a sitting of this table (400 `meeting_not_of_table`). " +
    "Numbered per table. Emits `issue_report.raised` with ids, severity, number and the confidential flag, and " +
    "the title only when the report is not confidential.",
  security: authenticated,
  request: { params: idParam, body: jsonBody(raiseInput) },
  responses: {
    201: { description: "Raised", ...jsonContent(issueReport) },
    ...errorsFor(400, 401, 403, 404, 409),
  },
});

export const listRoute = createRoute({
  method: "get",
  path: "/tables/{id}/issue-reports",
  tags,
  summary: "The table's issue reports, newest first",
  description:
    "Logged-in people. The table's members (referents of organisations sitting on it, coordinators, admins) " +
    "see every report and who raised it; others see the non-confidential ones, without names.",
  security: authenticated,
  request: { params: idParam, query: listQuery },
  responses: {
    200: { description: "A page of reports", ...jsonContent(issueReportPage) },
    ...errorsFor(400, 401, 404),
  },
});

export const getRoute = createRoute({
  method: "get",
  path: "/issue-reports/{id}",
  tags,
  summary: "One issue report with its history",
  description: "A confidential report is not found for people outside the table.",
  security: authenticated,
  request: { params: idParam },
  responses: {
    200: { description: "The report", ...jsonContent(issueReport) },
    ...errorsFor(400, 401, 404),
  },
});

export const triageRoute = createRoute({
  method: "post",
  path: "/issue-reports/{id}/status",
  tags,
  summary: "Triage: move a report to its next status (table coordinator or agreement admin)",
  description:
    "Allowed: aperta → in_esame | respinta; in_esame → inoltrata | risolta | respinta; inoltrata → risolta. " +
    "Anything else is 409 `issue_report_transition_invalid`. Emits `issue_report.status_changed`.",
  security: authenticated,
  request: { params: idParam, body: jsonBody(triageInput) },
  responses: {
    200: { description: "The report in its new status", ...jsonContent(issueReport) },
    ...errorsFor(400, 401, 403, 404, 409),
  },
});
