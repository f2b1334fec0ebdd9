import { z } from "@hono/zod-openapi";
import { pageQuery } from "../shared/pagination.ts";
import { confidentialFlag, objectId, pageOf, text } from "../shared/schemas.ts";

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
