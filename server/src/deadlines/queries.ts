import type { ObjectId } from "mongodb";
import { getAgreement } from "../agreements/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import { requireActor } from "../shared/policy.ts";
import { steeringTableOf } from "../tables/steering.ts";
import { computeDeadlines } from "./compute.ts";
import { settingsOf } from "./rules.ts";

/** The agreement's deadlines today (every logged-in person: agreements are public acts). */
export async function listAgreementDeadlines({ ctx, input }: { ctx: Ctx; input: { agreementId: ObjectId } }) {
  requireActor(ctx);
  const agreement = await getAgreement({ ctx, input: { id: input.agreementId } });
  const today = romeDate(ctx.now());
  return {
    agreementId: agreement._id.toHexString(),
    signedOn: agreement.signedOn,
    today,
    items: await computeDeadlines(ctx, agreement, today),
  };
}

/** The agreement's deadline configuration, with what each "auto" rule resolves to. */
export async function getDeadlineRules({ ctx, input }: { ctx: Ctx; input: { agreementId: ObjectId } }) {
  requireActor(ctx);
  const agreement = await getAgreement({ ctx, input: { id: input.agreementId } });
  const settings = await settingsOf(ctx, agreement._id);
  const hasSteering = (await steeringTableOf(ctx, agreement._id)) !== null;
  return {
    agreementId: agreement._id.toHexString(),
    steeringMembers: {
      ...settings.steeringMembers,
      effective: settings.steeringMembers.enabled ?? hasSteering,
    },
    workPlan: { ...settings.workPlan, effective: settings.workPlan.enabled ?? hasSteering },
    adhesions: settings.adhesions,
    withdrawals: settings.withdrawals,
    halfYearlyReports: settings.halfYearlyReports,
    approachingDays: settings.approachingDays,
  };
}
