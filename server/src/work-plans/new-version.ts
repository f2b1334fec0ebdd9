import type { Ctx } from "../shared/context.ts";
import { AppError, isDuplicateKey } from "../shared/errors.ts";
import { recordChange, recordChangeOnce } from "../shared/record.ts";
import type { WorkPlanDoc } from "./documents.ts";
import { auditedPlan, eventFields } from "./present.ts";
import { versionsOf } from "./queries.ts";
import { draftKeyOf, newDraft, requireEditor, resolveScope, type ScopeRef } from "./rules.ts";

/**
 * Opens a new version of the plan: a `bozza` copying the latest version's activities (with their progress
 * and history). One draft per plan, held by the unique draft key: a second is 409 `work_plan_draft_exists`,
 * except for a repeat of the same request (same Idempotency-Key), which gets the draft it made.
 */
export async function startWorkPlanVersion({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { scope: ScopeRef; idempotencyKey?: string | null };
}): Promise<WorkPlanDoc> {
  const scope = await resolveScope(ctx, input.scope);
  const actor = requireEditor(ctx, scope);
  const versions = await versionsOf(ctx, scope);
  const existing = versions.find((v) => v.state === "bozza");
  if (existing) return sameRequestOrRefuse(ctx, existing, input.idempotencyKey);
  const latest = versions[0];
  if (!latest) throw new AppError("work_plan_missing", { scope: draftKeyOf(scope) });
  const now = ctx.now();
  const doc: WorkPlanDoc = {
    ...newDraft(scope, actor, now, {
      version: latest.version + 1,
      activities: latest.activities,
      basedOnId: latest._id,
    }),
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  };
  try {
    await ctx.c.workPlans.insertOne(doc);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const draft = (await versionsOf(ctx, scope)).find((v) => v.state === "bozza");
    if (!draft) throw new AppError("concurrent_change", { scope: draftKeyOf(scope) });
    return sameRequestOrRefuse(ctx, draft, input.idempotencyKey);
  }
  await recordChange(ctx, {
    action: "work_plan.drafted",
    entity: "work_plan",
    entityId: doc._id,
    agreementId: doc.agreementId,
    before: null,
    after: auditedPlan(doc),
    event: {
      type: "work_plan.drafted",
      payload: { ...eventFields(doc), basedOnId: latest._id.toHexString() },
    },
  });
  return doc;
}

async function sameRequestOrRefuse(ctx: Ctx, draft: WorkPlanDoc, key: string | null | undefined) {
  if (!key || draft.idempotencyKey !== key)
    throw new AppError("work_plan_draft_exists", { workPlanId: draft._id.toHexString() });
  // The first run may have died before recording it.
  await recordChangeOnce(ctx, {
    action: "work_plan.drafted",
    entity: "work_plan",
    entityId: draft._id,
    agreementId: draft.agreementId,
    before: null,
    after: auditedPlan(draft),
    event: {
      type: "work_plan.drafted",
      payload: { ...eventFields(draft), basedOnId: draft.basedOnId?.toHexString() ?? null },
    },
  });
  return draft;
}
