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
 * The reports issued (frozen and addressed to the steering body) for an agreement, oldest first.
 * Agreement deadlines read it to tell whether a half-yearly report is met.
 * TODO(reports helper): implement on the reports feature's own collection.
 */
export async function issuedReportsOf(_ctx: Ctx, _agreementId: ObjectId): Promise<IssuedReport[]> {
  return [];
}
