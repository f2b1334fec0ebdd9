import { ObjectId } from "mongodb";
import { isOrganiser } from "../meetings/access.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { changeGuarded } from "../shared/guarded-change.ts";
import { requireActor } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import { getTable } from "../tables/queries.ts";
import { commentInput } from "./contracts.ts";
import type { CommentDoc, IssueReportDoc } from "./documents.ts";
import { escalatedTo, isSteeringMember } from "./escalation.ts";
import { loadIssueReport, readerOf } from "./queries.ts";

export type CommentInput = {
  id: ObjectId;
  text: string;
  /** From the request's Idempotency-Key (creationKeyOf): a repeat finds the comment it added. */
  idempotencyKey?: string | null;
};

/**
 * A comment on an escalated report's thread, by a member of the steering body or a coordinator of the
 * reporting table. Kept as written. Emits `issue_report.commented` with the entry's id and the count,
 * never the text (which, on a confidential report, only the reporting table's members are shown).
 */
export async function commentIssueReport({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: CommentInput;
}): Promise<IssueReportDoc> {
  const actor = requireActor(ctx);
  const text = checkText(input.text);
  const report = await loadIssueReport(ctx, input.id);
  const table = await getTable({ ctx, input: { id: report.tableId } });
  const steering = await escalatedTo(ctx, report);
  const allowed = isOrganiser(actor, table) || (steering !== null && (await isSteeringMember(ctx, steering)));
  if (!allowed) {
    await readerOf(ctx, report, table);
    throw new AppError("forbidden", { requiredRole: "steering_body_member" });
  }
  if (!steering) throw new AppError("issue_report_not_escalated", { status: report.status });
  const comment: CommentDoc = {
    _id: new ObjectId(),
    at: ctx.now(),
    byId: actor.personId,
    byName: actor.name,
    text,
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  };
  const changed = await changeGuarded(
    ctx.c.issueReports,
    () => loadIssueReport(ctx, input.id),
    (current) => {
      // Posted again under its Idempotency-Key: the comment is already there.
      if (input.idempotencyKey && current.comments?.some((c) => c.idempotencyKey === input.idempotencyKey))
        return null;
      return { $push: { comments: comment }, $set: { updatedAt: comment.at } };
    },
  );
  if (!changed) return loadIssueReport(ctx, input.id);
  const { after } = changed;
  await recordChange(ctx, {
    action: "issue_report.commented",
    entity: "issue_report",
    entityId: after._id,
    agreementId: after.agreementId,
    before: null,
    // The text stays on the report, where erasure and the confidentiality rule reach it; the audit keeps the fact.
    after: { commentId: comment._id, length: text.length },
    event: {
      type: "issue_report.commented",
      payload: {
        issueReportId: after._id.toHexString(),
        tableId: after.tableId.toHexString(),
        organisationId: after.organisationId.toHexString(),
        severity: after.severity,
        seq: after.seq,
        confidential: after.confidential,
        steeringTableId: steering._id.toHexString(),
        entryId: comment._id.toHexString(),
        count: after.comments?.length ?? 1,
      },
    },
  });
  return after;
}

function checkText(text: string): string {
  const parsed = commentInput.shape.text.safeParse(text);
  if (parsed.success) return parsed.data;
  throw new AppError("validation_failed", [{ path: "text", message: parsed.error.issues[0]?.message }]);
}
