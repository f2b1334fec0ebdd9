import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { type IsoDate, romeDate } from "../shared/dates.ts";
import { AppError } from "../shared/errors.ts";
import { changeGuarded } from "../shared/guarded-change.ts";
import { requireActor } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import type { ActivityStatus, WorkPlanDoc } from "./documents.ts";
import { loadWorkPlan } from "./queries.ts";
import { canEdit, checkProgress, resolveScope } from "./rules.ts";

export type ProgressInput = {
  id: ObjectId;
  activityId: ObjectId;
  status: ActivityStatus;
  progress: number;
  on?: IsoDate;
  note: string | null;
};

/**
 * Monitoring of the plan in force: what, who and when stay as approved, only an activity's status and
 * percentage move, each step kept in its history with its day and note. The plan's editors and the
 * referents of the activity's owner organisation (for their own activity, DOMAIN rule 4) record it.
 */
export async function recordActivityProgress({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: ProgressInput;
}): Promise<WorkPlanDoc> {
  const actor = requireActor(ctx);
  const plan = await loadWorkPlan(ctx, input.id);
  const activity = plan.activities.find((a) => a._id.equals(input.activityId));
  if (!activity)
    throw new AppError("not_found", { entity: "work_plan_activity", id: input.activityId.toHexString() });
  const scope = await resolveScope(
    ctx,
    plan.tableId ? { tableId: plan.tableId } : { agreementId: plan.agreementId },
  );
  const owner = activity.ownerOrganisationId?.toHexString();
  if (!canEdit(actor, scope) && !(owner && actor.referentFor.includes(owner)))
    throw new AppError(actor.referentFor.length > 0 && owner ? "other_organisation" : "forbidden", {
      requiredRole: "table_coordinator",
    });
  const today = romeDate(ctx.now());
  const on = input.on ?? today;
  if (on > today) throw new AppError("date_in_future", { path: "on" });
  checkProgress(input.status, input.progress, "progress");
  const changed = await changeGuarded(
    ctx.c.workPlans,
    () => loadWorkPlan(ctx, input.id),
    (current) => {
      if (current.state !== "approvata")
        throw new AppError("work_plan_not_in_force", { state: current.state });
      const now = ctx.now();
      const activities = current.activities.map((a) =>
        a._id.equals(input.activityId)
          ? {
              ...a,
              status: input.status,
              progress: input.progress,
              progressHistory: [
                ...a.progressHistory,
                {
                  at: now,
                  on,
                  byId: actor.personId,
                  byName: actor.name,
                  from: { status: a.status, progress: a.progress },
                  to: { status: input.status, progress: input.progress },
                  note: input.note,
                },
              ],
            }
          : a,
      );
      return { $set: { activities, updatedAt: now } };
    },
  );
  if (!changed) throw new AppError("not_found", { entity: "work_plan", id: input.id.toHexString() });
  await recordChange(ctx, {
    action: "work_plan.progress_updated",
    entity: "work_plan",
    entityId: plan._id,
    agreementId: plan.agreementId,
    before: { activityId: activity._id, status: activity.status, progress: activity.progress },
    after: { activityId: activity._id, status: input.status, progress: input.progress, on, note: input.note },
    event: {
      type: "work_plan.progress_updated",
      payload: {
        workPlanId: plan._id.toHexString(),
        agreementId: plan.agreementId.toHexString(),
        tableId: plan.tableId?.toHexString() ?? null,
        activityId: activity._id.toHexString(),
        confidential: activity.confidential,
        status: input.status,
        progress: input.progress,
      },
    },
  });
  return changed.after;
}
