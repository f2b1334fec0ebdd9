import type { ObjectId } from "mongodb";
import { getAgreement } from "../agreements/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { requireAgreementAdmin } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import type { DeadlineSettingsDoc, SigningRule } from "./documents.ts";
import { settingsOf } from "./rules.ts";

export type RulesPatch = Partial<{
  steeringMembers: Partial<SigningRule>;
  workPlan: Partial<SigningRule>;
  adhesions: boolean;
  withdrawals: boolean;
  halfYearlyReports: boolean;
  approachingDays: number;
}>;

/** Agreement admins set which obligations the agreement has; what is not sent stays as it was. */
export async function updateDeadlineRules({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { agreementId: ObjectId; patch: RulesPatch };
}): Promise<DeadlineSettingsDoc> {
  const agreement = await getAgreement({ ctx, input: { id: input.agreementId } });
  requireAgreementAdmin(ctx, agreement._id);
  const before = await settingsOf(ctx, agreement._id);
  const { patch } = input;
  const after: DeadlineSettingsDoc = {
    ...before,
    ...patch,
    steeringMembers: { ...before.steeringMembers, ...patch.steeringMembers },
    workPlan: { ...before.workPlan, ...patch.workPlan },
    _id: agreement._id,
    updatedAt: ctx.now(),
  };
  await ctx.c.deadlineSettings.replaceOne({ _id: agreement._id }, after, { upsert: true });
  await recordChange(ctx, {
    action: "deadline.rules_changed",
    entity: "deadline_settings",
    entityId: agreement._id,
    agreementId: agreement._id,
    before,
    after,
    event: { type: "deadline.rules_changed", payload: { agreementId: agreement._id.toHexString() } },
  });
  return after;
}
