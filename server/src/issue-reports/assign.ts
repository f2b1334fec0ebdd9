import type { ObjectId } from "mongodb";
import { personNames } from "../people/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { changeGuarded } from "../shared/guarded-change.ts";
import { requireActor } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import { getTable } from "../tables/queries.ts";
import type { IssueReportDoc } from "./documents.ts";
import { escalatedTo, requireSteeringPerson, runsSteering } from "./escalation.ts";
import { loadIssueReport, readerOf } from "./queries.ts";

export type AssignInput = { id: ObjectId; personId: ObjectId | null };

/**
 * The steering body's coordinators (and the agreement's admins) give an escalated, still open report to
 * one of the steering body's people, or take it back (null). Emits `issue_report.assigned`.
 */
export async function assignIssueReport({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: AssignInput;
}): Promise<IssueReportDoc> {
  const actor = requireActor(ctx);
  const report = await loadIssueReport(ctx, input.id);
  const steering = await escalatedTo(ctx, report);
  if (!steering || !runsSteering(actor, steering)) {
    await readerOf(ctx, report, await getTable({ ctx, input: { id: report.tableId } }));
    throw new AppError("forbidden", { requiredRole: "steering_coordinator" });
  }
  let assigneeName: string | null = null;
  if (input.personId) {
    await requireSteeringPerson(ctx, steering, input.personId);
    assigneeName = (await personNames(ctx, [input.personId])).get(input.personId.toHexString()) ?? null;
    if (assigneeName === null)
      throw new AppError("not_found", { entity: "person", id: input.personId.toHexString() });
  }
  const changed = await changeGuarded(
    ctx.c.issueReports,
    () => loadIssueReport(ctx, input.id),
    (current) => {
      if (current.status !== "inoltrata" || !current.escalation)
        throw new AppError("issue_report_not_escalated", { status: current.status });
      const now = ctx.now();
      return {
        $set: {
          "escalation.assigneeId": input.personId,
          "escalation.assigneeName": assigneeName,
          "escalation.assignedAt": input.personId ? now : null,
          updatedAt: now,
        },
      };
    },
  );
  if (!changed) throw new AppError("not_found", { entity: "issue_report", id: input.id.toHexString() });
  const { before, after } = changed;
  await recordChange(ctx, {
    action: "issue_report.assigned",
    entity: "issue_report",
    entityId: after._id,
    agreementId: after.agreementId,
    before: { assigneeId: before.escalation?.assigneeId ?? null },
    after: { assigneeId: input.personId },
    event: {
      type: "issue_report.assigned",
      payload: {
        issueReportId: after._id.toHexString(),
        tableId: after.tableId.toHexString(),
        organisationId: after.organisationId.toHexString(),
        severity: after.severity,
        seq: after.seq,
        confidential: after.confidential,
        steeringTableId: steering._id.toHexString(),
        assigneeId: input.personId?.toHexString() ?? null,
      },
    },
  });
  return after;
}
