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
    serviceId: objectId.nullable().default(null).openapi({
      description:
        "The shared service it affects, if any: a service of this table's agreement (else 400 `service_not_of_agreement`)",
    }),
  })
  .openapi("IssueReportInput");

export const triageInput = z
  .strictObject({
    status,
    note: triageNote.optional().openapi({ type: "string", description: "Why, for the history (max 2000)" }),
  })
  .openapi("IssueReportTriage");

export const listQuery = pageQuery.extend({
  status: status.optional(),
  serviceId: objectId.optional().openapi({ description: "Only the reports naming this shared service" }),
});

export const assignInput = z
  .strictObject({
    personId: objectId.nullable().openapi({
      description:
        "A person of the steering body (its coordinators or referents designated on it); null unassigns",
    }),
  })
  .openapi("IssueReportAssignment");

export const commentInput = z
  .strictObject({ text: text(2000).openapi({ description: "The comment (max 2000); kept, never edited" }) })
  .openapi("IssueReportCommentInput");

export const queueQuery = z.object({
  state: z
    .enum(["open", "resolved", "all"])
    .default("open")
    .openapi({ description: "open (default): escalated, not yet closed; resolved: closed; all" }),
});

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
    serviceId: z.string().nullable().openapi({ description: "The shared service it affects, if named" }),
    escalation: z
      .object({
        steeringTableId: z.string(),
        at: z.string().openapi({ description: "When it was escalated (went inoltrata)" }),
        assignee: person,
        assignedAt: z.string().nullable(),
      })
      .nullable()
      .openapi({ description: "Set once escalated to the agreement's steering body" }),
    comments: z.array(
      z.object({
        id: z.string(),
        at: z.string(),
        by: person,
        text: z.string().nullable().openapi({ description: "null when the report is shown redacted" }),
      }),
    ),
    timeInStatus: z
      .object({ aperta: z.number(), in_esame: z.number(), inoltrata: z.number() })
      .partial()
      .openapi({
        description:
          "Seconds spent in each status it waited in, the current one up to now; risolta and respinta stop the clock",
      }),
    redacted: z.boolean().openapi({
      description:
        "true for a confidential report shown to a steering body member outside its table: title 'Segnalazione riservata', no text",
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("IssueReport");

export const issueReportPage = pageOf(issueReport, "IssueReportPage");

export const escalationItem = z
  .object({
    id: z.string(),
    seq: z.number().int(),
    tableId: z.string().openapi({ description: "The table that raised it" }),
    tableName: z.string().nullable(),
    organisationId: z.string(),
    organisationName: z.string().nullable(),
    title: z
      .string()
      .openapi({ description: "'Segnalazione riservata' for a confidential one outside its table" }),
    severity,
    status,
    confidential: z.boolean(),
    redacted: z.boolean(),
    serviceId: z.string().nullable(),
    raisedAt: z.string(),
    escalatedAt: z.string(),
    resolvedAt: z.string().nullable(),
    age: z
      .object({
        sinceEscalatedSeconds: z.number(),
        sinceRaisedSeconds: z.number(),
      })
      .openapi({ description: "Up to now, or up to its closing for a closed one" }),
    assignee: person,
    comments: z.number().int(),
  })
  .openapi("EscalatedIssueReport");

export const escalationQueue = z
  .object({ steeringTableId: z.string(), steeringTableName: z.string(), items: z.array(escalationItem) })
  .openapi("EscalationQueue");

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
    "Anything else is 409 `issue_report_transition_invalid`. `inoltrata` escalates to the agreement's steering " +
    "body (409 `no_steering_body` when it has none, `escalation_to_same_table` for the steering table's own " +
    "reports); an escalated report may also be resolved by the steering table's coordinators. " +
    "Emits `issue_report.status_changed` (with `steeringTableId` on escalation).",
  security: authenticated,
  request: { params: idParam, body: jsonBody(triageInput) },
  responses: {
    200: { description: "The report in its new status", ...jsonContent(issueReport) },
    ...errorsFor(400, 401, 403, 404, 409),
  },
});

export const assignRoute = createRoute({
  method: "post",
  path: "/issue-reports/{id}/assignee",
  tags,
  summary: "Assign an escalated report to a person of the steering body",
  description:
    "The steering table's coordinators and the agreement's admins, while the report is `inoltrata` (else 409 " +
    "`issue_report_not_escalated`); the person must be a coordinator of the steering table or a referent " +
    "designated on it (409 `assignee_not_in_steering_body`). Emits `issue_report.assigned`.",
  security: authenticated,
  request: { params: idParam, body: jsonBody(assignInput) },
  responses: {
    200: { description: "The report with its assignee", ...jsonContent(issueReport) },
    ...errorsFor(400, 401, 403, 404, 409),
  },
});

export const commentRoute = createRoute({
  method: "post",
  path: "/issue-reports/{id}/comments",
  tags,
  summary: "Comment on an escalated report (the steering body's thread)",
  description:
    "Members of the steering body (its coordinators, the referents of organisations sitting on it, the " +
    "agreement's admins) and the reporting table's coordinators, once the report is escalated (409 " +
    "`issue_report_not_escalated`). Comments are kept; on a confidential report their text is shown only to " +
    "the reporting table's members. Emits `issue_report.commented` (never the text).",
  security: authenticated,
  request: { params: idParam, body: jsonBody(commentInput) },
  responses: {
    201: { description: "The report with the new comment", ...jsonContent(issueReport) },
    ...errorsFor(400, 401, 403, 404, 409),
  },
});

export const queueRoute = createRoute({
  method: "get",
  path: "/agreements/{id}/escalations",
  tags,
  summary: "The steering body's queue of escalated issue reports, oldest escalation first",
  description:
    "Members of the steering body only (403 otherwise; 409 `no_steering_body` when the agreement has none). " +
    "Each with its age since escalation and since raising, severity, source table and assignee; a confidential " +
    "report shows 'Segnalazione riservata' and no text to members outside its table.",
  security: authenticated,
  request: { params: idParam, query: queueQuery },
  responses: {
    200: { description: "The queue", ...jsonContent(escalationQueue) },
    ...errorsFor(400, 401, 403, 404, 409),
  },
});
