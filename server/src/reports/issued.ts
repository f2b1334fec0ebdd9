import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import type { ReportPeriod } from "./section.ts";

export type ReportPreset = "semestrale" | "annuale" | "sal" | "personalizzato";

export type IssuedReport = {
  id: ObjectId;
  agreementId: ObjectId;
  tableId: ObjectId | null;
  preset: ReportPreset;
  period: ReportPeriod;
  issuedAt: Date;
};

/**
 * The reports issued (frozen and addressed to the steering body) for an agreement, oldest first: the
 * agreement's own and its tables'. Agreement deadlines read it to tell whether a half-yearly report is
 * met (no access check: ids, presets and periods only, never content).
 */
export async function issuedReportsOf(ctx: Ctx, agreementId: ObjectId): Promise<IssuedReport[]> {
  const docs = await ctx.c.issuedReports
    .find({ agreementId }, { projection: { agreementId: 1, tableId: 1, preset: 1, period: 1, issuedAt: 1 } })
    .sort({ issuedAt: 1, _id: 1 })
    .toArray();
  return docs.map((d) => ({
    id: d._id,
    agreementId: d.agreementId,
    tableId: d.tableId,
    preset: d.preset,
    period: d.period,
    issuedAt: d.issuedAt,
  }));
}
