import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { changeGuarded } from "../shared/guarded-change.ts";
import type { WorkPlanDoc } from "./documents.ts";
import { loadWorkPlan } from "./queries.ts";

/**
 * Erasure: replaces the person's name where work plans keep it (who drafted, presented, decided and
 * recorded progress); the plans, the tables' and steering body's acts, stay. An activity's owner person
 * is kept by id and shown by the people feature's (erased) name. Guarded per plan, so a concurrent
 * progress update cannot bring the old name back.
 */
export async function eraseNameFromWorkPlans(ctx: Ctx, personId: ObjectId, erasedName: string) {
  const plans = await ctx.c.workPlans
    .find(
      {
        $or: [
          { createdById: personId },
          { "presentation.byId": personId },
          { "decision.byId": personId },
          { "activities.progressHistory.byId": personId },
        ],
      },
      { projection: { _id: 1 } },
    )
    .toArray();
  for (const { _id } of plans)
    await changeGuarded(
      ctx.c.workPlans,
      () => loadWorkPlan(ctx, _id),
      (plan: WorkPlanDoc) => {
        const mine = (id: ObjectId) => id.equals(personId);
        return {
          $set: {
            ...(mine(plan.createdById) ? { createdByName: erasedName } : {}),
            ...(plan.presentation && mine(plan.presentation.byId)
              ? { presentation: { ...plan.presentation, byName: erasedName } }
              : {}),
            ...(plan.decision && mine(plan.decision.byId)
              ? { decision: { ...plan.decision, byName: erasedName } }
              : {}),
            activities: plan.activities.map((a) => ({
              ...a,
              progressHistory: a.progressHistory.map((h) =>
                mine(h.byId) ? { ...h, byName: erasedName } : h,
              ),
            })),
          },
        };
      },
    );
}
