import { setTimeout as sleep } from "node:timers/promises";
import { ObjectId } from "mongodb";
import { loadMeeting } from "../meetings/access.ts";
import { organisationSitsOnTable } from "../memberships/queries.ts";
import { requireServiceOfAgreement } from "../services/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import { AppError, isDuplicateKey } from "../shared/errors.ts";
import { requireActingFor } from "../shared/policy.ts";
import { recordChange, recordChangeOnce } from "../shared/record.ts";
import type { TableDoc } from "../tables/documents.ts";
import { getTable } from "../tables/queries.ts";
import { reportFields } from "./contracts.ts";
import type { IssueReportDoc } from "./documents.ts";
import { auditedReport, eventFields } from "./present.ts";

/** Concurrent raisers on one table each retry with the next number; this many rounds serve a burst. */
const SEQ_ATTEMPTS = 30;

export type RaiseInput = {
  tableId: ObjectId;
  organisationId: ObjectId;
  title: string;
  description: string;
  severity: "bassa" | "media" | "alta";
  confidential: boolean;
  meetingId: ObjectId | null;
  /** The shared service it affects, if any: one of the table's agreement. */
  serviceId?: ObjectId | null;
  /** From the request's Idempotency-Key (creationKeyOf): a repeat returns the report it raised. */
  idempotencyKey?: string | null;
};

/**
 * A referent raises a critical issue for their own organisation on a table it sits on today
 * (DOMAIN rules 4 and 8); installation admins may raise for any member organisation. Numbered per
 * table (#1, #2, …). Emits `issue_report.raised`, whose payload carries the title only when the
 * report is not confidential (DOMAIN rule 10).
 */
export async function raiseIssueReport({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: RaiseInput;
}): Promise<IssueReportDoc> {
  const fields = checkFields(input);
  const table = await getTable({ ctx, input: { id: input.tableId } });
  const actor = requireActingFor(ctx, input.organisationId);
  const now = ctx.now();
  if (!(await organisationSitsOnTable(ctx, table, input.organisationId, romeDate(now))))
    throw new AppError("organisation_not_on_table", {
      organisationId: input.organisationId.toHexString(),
      tableId: table._id.toHexString(),
    });
  if (input.meetingId) await requireMeetingOfTable(ctx, input.meetingId, table);
  if (input.serviceId) await requireServiceOfAgreement(ctx, input.serviceId, table.agreementId);
  const draft: Omit<IssueReportDoc, "_id" | "seq"> = {
    tableId: table._id,
    agreementId: table.agreementId,
    organisationId: input.organisationId,
    meetingId: input.meetingId,
    serviceId: input.serviceId ?? null,
    ...fields,
    confidential: input.confidential === true,
    status: "aperta",
    history: [],
    raisedById: actor.personId,
    raisedByName: actor.name,
    createdAt: now,
    updatedAt: now,
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  };
  const { report, created } = await insertNumbered(ctx, draft);
  // Found under its idempotency key: the first run may have died before recording it.
  await (created ? recordChange : recordChangeOnce)(ctx, {
    action: "issue_report.raised",
    entity: "issue_report",
    entityId: report._id,
    agreementId: report.agreementId,
    before: null,
    after: auditedReport(report),
    event: { type: "issue_report.raised", payload: eventFields(report) },
  });
  return report;
}

/** The same bounds as the API's, for callers that skip it (the Slack bot). */
function checkFields(input: RaiseInput) {
  const parsed = reportFields.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError(
    "validation_failed",
    parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message, code: i.code })),
  );
}

async function requireMeetingOfTable(ctx: Ctx, meetingId: ObjectId, table: TableDoc): Promise<void> {
  const meeting = await loadMeeting(ctx, meetingId);
  if (!meeting.tableId.equals(table._id))
    throw new AppError("meeting_not_of_table", {
      meetingId: meetingId.toHexString(),
      tableId: table._id.toHexString(),
    });
}

/**
 * Takes the table's next number. The unique { tableId, seq } index decides between concurrent
 * raisers: the loser reads the new highest number and tries the one after it. A refusal by the
 * idempotency key's index instead means this request already raised its report: that one is returned.
 */
async function insertNumbered(
  ctx: Ctx,
  draft: Omit<IssueReportDoc, "_id" | "seq">,
): Promise<{ report: IssueReportDoc; created: boolean }> {
  for (let attempt = 0; attempt < SEQ_ATTEMPTS; attempt++) {
    const [last] = await ctx.c.issueReports
      .find({ tableId: draft.tableId }, { projection: { seq: 1 } })
      .sort({ seq: -1 })
      .limit(1)
      .toArray();
    const report: IssueReportDoc = { _id: new ObjectId(), ...draft, seq: (last?.seq ?? 0) + 1 };
    try {
      await ctx.c.issueReports.insertOne(report);
      return { report, created: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const made = draft.idempotencyKey
      ? await ctx.c.issueReports.findOne({ idempotencyKey: draft.idempotencyKey })
      : null;
    if (made) return { report: made, created: false };
    await sleep(Math.random() * 5 * (attempt + 1));
  }
  throw new AppError("concurrent_change", { tableId: draft.tableId.toHexString() });
}
