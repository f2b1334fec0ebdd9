import { defineEvents, hexId, z } from "../shared/event-schema.ts";

const base = {
  issueReportId: hexId(),
  tableId: hexId(),
  organisationId: hexId(),
  severity: z.enum(["bassa", "media", "alta"]),
  /** The report's number on its table (#1, #2, …). */
  seq: z.number(),
};

/** A confidential report's events carry no title (DOMAIN rule 10); a public one's always do. */
function withTitle<const E extends Record<string, z.ZodType>>(extra: E) {
  return z.discriminatedUnion("confidential", [
    z.strictObject({ ...base, ...extra, confidential: z.literal(true) }),
    z.strictObject({ ...base, ...extra, confidential: z.literal(false), title: z.string() }),
  ]);
}

const status = z.enum(["aperta", "in_esame", "inoltrata", "risolta", "respinta"]);

/** The events the issue-reports feature records (merged into the catalogue, `server/src/events.ts`). */
export const issueReportEvents = defineEvents({
  "issue_report.raised": withTitle({}),
  /** The triage note is never in it: only the status moved from and to. */
  "issue_report.status_changed": withTitle({
    from: status,
    to: status,
    /** On escalation (`to: inoltrata`): the steering table it went to. */
    steeringTableId: hexId().optional(),
  }),
  /** An escalated report given to a person of the steering body (assigneeId null: unassigned); no title. */
  "issue_report.assigned": z.strictObject({
    ...base,
    confidential: z.boolean(),
    steeringTableId: hexId(),
    assigneeId: hexId().nullable(),
  }),
  /** A comment on an escalated report: the thread entry's id and how many there are now, never its text. */
  "issue_report.commented": z.strictObject({
    ...base,
    confidential: z.boolean(),
    steeringTableId: hexId(),
    entryId: hexId(),
    count: z.number(),
  }),
});
