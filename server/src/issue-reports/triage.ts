import type { ObjectId } from "mongodb";
import { isOrganiser } from "../meetings/access.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { changeGuarded } from "../shared/guarded-change.ts";
import { requireActor } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import type { TableDoc } from "../tables/documents.ts";
import { getTable } from "../tables/queries.ts";
import { ISSUE_STATUSES, triageNote } from "./contracts.ts";
import type { EscalationDoc, IssueReportDoc, IssueStatus } from "./documents.ts";
import { escalatedTo, requireSteeringFor, runsSteering } from "./escalation.ts";
import { eventFields } from "./present.ts";
import { loadIssueReport, readerOf } from "./queries.ts";

/**
 * Where a report may go from each status: looked at, then escalated to the steering body or settled
 * (DOMAIN rule 8). `risolta` and `respinta` are final.
 */
export const ISSUE_TRANSITIONS: Record<IssueStatus, readonly IssueStatus[]> = {
  aperta: ["in_esame", "respinta"],
  in_esame: ["inoltrata", "risolta", "respinta"],
  inoltrata: ["risolta"],
  risolta: [],
  respinta: [],
};

export type TriageInput = { id: ObjectId; status: IssueStatus; note: string | null };

/**
 * The table's coordinators and the agreement's admins move a report along ISSUE_TRANSITIONS, with an
 * optional note kept in its history. `inoltrata` escalates it to the agreement's steering body, recorded
 * on the report (which table, when); an escalated report may then also be resolved by the steering
 * table's coordinators. Emits `issue_report.status_changed` (title only when not confidential).
 */
export async function triageIssueReport({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: TriageInput;
}): Promise<IssueReportDoc> {
  const actor = requireActor(ctx);
  const note = checkNote(input.note);
  if (!ISSUE_STATUSES.includes(input.status))
    throw new AppError("validation_failed", [
      { path: "status", message: "stato non valido / invalid status" },
    ]);
  const report = await loadIssueReport(ctx, input.id);
  const table = await getTable({ ctx, input: { id: report.tableId } });
  if (!isOrganiser(actor, table)) {
    const steering = await escalatedTo(ctx, report);
    const steeringResolves =
      steering &&
      runsSteering(actor, steering) &&
      report.status === "inoltrata" &&
      input.status === "risolta";
    if (!steeringResolves) {
      await requireVisibleOrSteering(ctx, report, table);
      throw new AppError("forbidden", { requiredRole: "table_coordinator" });
    }
  }
  // Only a report that may go `inoltrata` asks for the steering body: a forbidden move is refused as such.
  const escalates = input.status === "inoltrata" && ISSUE_TRANSITIONS[report.status].includes("inoltrata");
  const steering = escalates ? await requireSteeringFor(ctx, report) : null;
  // Guarded by the report's revision: of two triages racing from the same status, the second is checked
  // again against the status the first left (e.g. `risolta` is final), never applied blindly.
  const changed = await changeGuarded(
    ctx.c.issueReports,
    () => loadIssueReport(ctx, input.id),
    (current) => {
      const allowed = ISSUE_TRANSITIONS[current.status];
      if (!allowed.includes(input.status))
        throw new AppError("issue_report_transition_invalid", {
          from: current.status,
          to: input.status,
          allowed,
        });
      const now = ctx.now();
      const entry = {
        at: now,
        byId: actor.personId,
        byName: actor.name,
        from: current.status,
        to: input.status,
        note,
      };
      const escalation: EscalationDoc | null = steering
        ? {
            steeringTableId: steering._id,
            at: now,
            byId: actor.personId,
            assigneeId: null,
            assigneeName: null,
            assignedAt: null,
          }
        : null;
      return {
        $set: { status: input.status, updatedAt: now, ...(escalation ? { escalation } : {}) },
        $push: { history: entry },
      };
    },
  );
  if (!changed) throw new AppError("not_found", { entity: "issue_report", id: input.id.toHexString() });
  const { before, after } = changed;
  await recordChange(ctx, {
    action: "issue_report.status_changed",
    entity: "issue_report",
    entityId: after._id,
    agreementId: after.agreementId,
    before: { status: before.status },
    after: { status: after.status, note, ...(steering ? { steeringTableId: steering._id } : {}) },
    event: {
      type: "issue_report.status_changed",
      payload: {
        ...eventFields(after),
        from: before.status,
        to: after.status,
        ...(steering ? { steeringTableId: steering._id.toHexString() } : {}),
      },
    },
  });
  return after;
}

/** A refusal says "forbidden" only to those who may see the report; to others it is not found. */
async function requireVisibleOrSteering(ctx: Ctx, report: IssueReportDoc, table: TableDoc) {
  await readerOf(ctx, report, table);
}

function checkNote(note: string | null): string | null {
  const parsed = triageNote.safeParse(note ?? null);
  if (parsed.success) return parsed.data;
  throw new AppError("validation_failed", [{ path: "note", message: parsed.error.issues[0]?.message }]);
}
