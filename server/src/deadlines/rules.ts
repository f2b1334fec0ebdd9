import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import type { DeadlineSettingsDoc } from "./documents.ts";

/** Lombardia art. 6: steering members within 15 days of signing, the work plan within 30. */
export function defaultSettings(agreementId: ObjectId): DeadlineSettingsDoc {
  return {
    _id: agreementId,
    steeringMembers: { enabled: null, days: 15 },
    workPlan: { enabled: null, days: 30 },
    adhesions: true,
    withdrawals: true,
    halfYearlyReports: true,
    approachingDays: 7,
    updatedAt: new Date(0),
  };
}

/** The agreement's configuration, or the defaults. */
export async function settingsOf(ctx: Ctx, agreementId: ObjectId): Promise<DeadlineSettingsDoc> {
  return (await ctx.c.deadlineSettings.findOne({ _id: agreementId })) ?? defaultSettings(agreementId);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
