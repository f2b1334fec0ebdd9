import type { Ctx } from "../shared/context.ts";
import { AppError, isDuplicateKey } from "../shared/errors.ts";
import { changeGuarded } from "../shared/guarded-change.ts";
import { recordChange } from "../shared/record.ts";
import type { WorkPlanDoc } from "./documents.ts";
import { auditedPlan, eventFields } from "./present.ts";
import { loadWorkPlan, versionsOf } from "./queries.ts";
import {
  type ActivityInput,
  buildActivities,
  checkActivities,
  draftKeyOf,
  newDraft,
  requireEditor,
  resolveScope,
  type ScopeRef,
} from "./rules.ts";

export type SaveDraftInput = { scope: ScopeRef; revision?: number; activities: ActivityInput[] };

/**
 * Writes the activities of the plan's draft (the first version when the plan has none yet). Once a
 * version is presented its content is frozen: without a draft this is 409 `work_plan_frozen` and nothing
 * changes; a new version (new-version.ts) opens a draft again.
 */
export async function saveWorkPlanDraft({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: SaveDraftInput;
}): Promise<WorkPlanDoc> {
  const scope = await resolveScope(ctx, input.scope);
  const actor = requireEditor(ctx, scope);
  await checkActivities(ctx, scope, input.activities);
  const versions = await versionsOf(ctx, scope);
  const draft = versions.find((v) => v.state === "bozza");
  if (!draft) {
    if (versions.length > 0)
      throw new AppError("work_plan_frozen", { workPlanId: versions[0]?._id.toHexString() });
    const now = ctx.now();
    const doc = newDraft(scope, actor, now, {
      version: 1,
      activities: buildActivities(scope, input.activities, []),
      basedOnId: null,
    });
    try {
      await ctx.c.workPlans.insertOne(doc);
    } catch (error) {
      // Another editor created the first version at the same moment: edit that one instead, knowingly.
      if (isDuplicateKey(error)) throw new AppError("concurrent_change", { scope: draftKeyOf(scope) });
      throw error;
    }
    await recordChange(ctx, {
      action: "work_plan.drafted",
      entity: "work_plan",
      entityId: doc._id,
      agreementId: doc.agreementId,
      before: null,
      after: auditedPlan(doc),
      event: { type: "work_plan.drafted", payload: { ...eventFields(doc), basedOnId: null } },
    });
    return doc;
  }
  const changed = await changeGuarded(
    ctx.c.workPlans,
    () => loadWorkPlan(ctx, draft._id),
    (current) => {
      if (current.state !== "bozza")
        throw new AppError("work_plan_frozen", { workPlanId: current._id.toHexString() });
      if (input.revision !== undefined && input.revision !== (current.revision ?? 0))
        throw new AppError("concurrent_change", { revision: current.revision ?? 0 });
      const activities = buildActivities(scope, input.activities, current.activities);
      return { $set: { activities, updatedAt: ctx.now() } };
    },
  );
  if (!changed) throw new AppError("not_found", { entity: "work_plan", id: draft._id.toHexString() });
  await recordChange(ctx, {
    action: "work_plan.updated",
    entity: "work_plan",
    entityId: draft._id,
    agreementId: draft.agreementId,
    before: auditedPlan(changed.before),
    after: auditedPlan(changed.after),
    event: { type: "work_plan.updated", payload: eventFields(changed.after) },
  });
  return changed.after;
}
