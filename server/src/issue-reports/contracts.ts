import { createRoute, z } from "@hono/zod-openapi";
import { attachment } from "../attachments/index.ts";
import { authenticated, errorsFor, jsonBody, jsonContent } from "../shared/openapi.ts";
import { pageQuery } from "../shared/pagination.ts";
import { confidentialFlag, idParam, objectId, pageOf, text } from "../shared/schemas.ts";

export const ISSUE_SEVERITIES = ["bassa", "media", "alta"] as const;
export const ISSUE_STATUSES = ["aperta", "in_esame", "inoltrata", "risolta", "respinta"] as const;

const severity = z.enum(ISSUE_SEVERITIES).openapi({ description: "bassa, media or alta" });
const status = z.enum(ISSUE_STATUSES).openapi({
  description:
    "aperta: just raised; in_esame: the table is looking at it; inoltrata: escalated to the steering body; " +
    "risolta: resolved; respinta: rejected",
});

/** The text fields of a report; checked again by the use case, which the Slack bot calls directly. */
export const reportFields = z.object({
  title: text(200),
  description: z.string().trim().max(5000),
  severity,
});

/** A triage note: optional, blank means none. */
export const triageNote = z
  .string()
  .trim()
  .max(2000)
  .nullable()
  .transform((note) => note || null);

export const raiseInput = z
  .strictObject({
    organisationId: objectId.openapi({ description: "The organisation raising it: the actor's own" }),
    title: reportFields.shape.title,
    description: reportFields.shape.description.default(""),
    severity,
    confidential: confidentialFlag,
    meetingId: objectId
      .nullable()
      .default(null)
      .openapi({ description: "The sitting where it came up, if any (a meeting of this table)" }),
  })
  .openapi("IssueReportInput");

export const triageInput = z
  .strictObject({
    status,
    note: triageNote.optional().openapi({ type: "string", description: "Why, for the history (max 2000)" }),
  })
  .openapi("IssueReportTriage");

export const listQuery = pageQuery.extend({ status: status.optional() });

const person = z.object({ id: z.string(), name: z.string() }).nullable().openapi({
  description: "Shown to the table's members only (null for others)",
});

export const issueReport = z
  .object({
    id: z.string(),
    seq: z.number().int().openapi({ description: "Number within the table, shown as #3" }),
    tableId: z.string(),
    agreementId: z.string(),
    organisationId: z.string(),
    organisationName: z.string().nullable(),
    meetingId: z.string().nullable(),
    title: z.string(),
    description: z.string(),
    severity,
    confidential: z.boolean(),
    status,
    raisedBy: person,
    history: z.array(
      z.object({
        at: z.string(),
        by: person,
        from: status,
        to: status,
        note: z.string().nullable(),
      }),
    ),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("IssueReport");

export const issueReportPage = pageOf(issueReport, "IssueReportPage");

/** One report as GET shows it: with its attached files (download each at `/attachments/{id}`). */
export const issueReportWithAttachments = issueReport
  .extend({ attachments: z.array(attachment) })
  .openapi("IssueReportWithAttachments");

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
  summary: "One issue report with its history and attached files",
  description: "A confidential report is not found for people outside the table.",
  security: authenticated,
  request: { params: idParam },
  responses: {
    200: { description: "The report", ...jsonContent(issueReportWithAttachments) },
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
