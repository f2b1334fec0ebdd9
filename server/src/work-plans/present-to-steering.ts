import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { changeGuarded } from "../shared/guarded-change.ts";
import { recordChange } from "../shared/record.ts";
import { steeringTableOf } from "../tables/steering.ts";
import type { WorkPlanDoc } from "./documents.ts";
import { eventFields } from "./present.ts";
import { loadWorkPlan, versionsOf } from "./queries.ts";
import { draftKeyOf, requireEditor, resolveScope, type ScopeRef } from "./rules.ts";

/**
 * Presents the plan's draft to the agreement's steering body: it becomes `presentata` and its content is
 * frozen. A version still awaiting a decision is superseded by it at once. The version in force (approved)
 * stays in force, and monitored, until the steering body approves its successor (decide.ts): between a
 * presentation and its approval the table keeps a plan to work to.
 */
export async function presentWorkPlanToSteering({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { scope: ScopeRef };
}): Promise<WorkPlanDoc> {
  const scope = await resolveScope(ctx, input.scope);
  const actor = requireEditor(ctx, scope);
  const draft = (await versionsOf(ctx, scope)).find((v) => v.state === "bozza");
  if (!draft) throw new AppError("work_plan_missing", { scope: draftKeyOf(scope) });
  if (draft.activities.length === 0)
    throw new AppError("work_plan_empty", { workPlanId: draft._id.toHexString() });
  const steering = await steeringTableOf(ctx, scope.agreementId);
  const changed = await changeGuarded(
    ctx.c.workPlans,
    () => loadWorkPlan(ctx, draft._id),
    (current) => {
      if (current.state !== "bozza")
        throw new AppError("work_plan_transition_invalid", { from: current.state, to: "presentata" });
      if (current.activities.length === 0)
        throw new AppError("work_plan_empty", { workPlanId: current._id.toHexString() });
      const now = ctx.now();
      return {
        $set: {
          state: "presentata" as const,
          presentation: {
            at: now,
            byId: actor.personId,
            byName: actor.name,
            steeringTableId: steering?._id ?? null,
          },
          draftKey: `${draftKeyOf(scope)}:v${current.version}`,
          updatedAt: now,
        },
      };
    },
  );
  if (!changed) throw new AppError("not_found", { entity: "work_plan", id: draft._id.toHexString() });
  const after = changed.after;
  const superseded = await supersede(ctx, after, "presentata");
  await recordChange(ctx, {
    action: "work_plan.presented",
    entity: "work_plan",
    entityId: after._id,
    agreementId: after.agreementId,
    before: { state: "bozza" },
    after: { state: after.state, steeringTableId: steering?._id ?? null, supersededIds: superseded },
    event: {
      type: "work_plan.presented",
      payload: {
        ...eventFields(after),
        steeringTableId: steering?._id.toHexString() ?? null,
        supersededIds: superseded.map((id) => id.toHexString()),
      },
    },
  });
  return after;
}

/** Marks the plan's other versions in `state` as superseded by `by`; returns their ids. */
export async function supersede(ctx: Ctx, by: WorkPlanDoc, state: "presentata" | "approvata") {
  const filter = { agreementId: by.agreementId, tableId: by.tableId, state, _id: { $ne: by._id } };
  const older = await ctx.c.workPlans.find(filter, { projection: { _id: 1 } }).toArray();
  if (older.length === 0) return [];
  const ids = older.map((o) => o._id);
  await ctx.c.workPlans.updateMany(
    { _id: { $in: ids }, state },
    { $set: { state: "superseded", supersededById: by._id, supersededAt: ctx.now() }, $inc: { revision: 1 } },
  );
  return ids;
}
