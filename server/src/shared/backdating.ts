import type { Ctx } from "./context.ts";
import { type IsoDate, romeDate } from "./dates.ts";
import { AppError } from "./errors.ts";

/** Why an act of legal effect was recorded with a date before the day it was entered; kept on the record and so in the audit. */
export type Backdating = { reason: string; recordedOn: IsoDate };

/**
 * Adhesions, withdrawals and designations take effect from their date, so an earlier date shortens
 * delays and notices. A referent's act is dated today; only someone who records the acts others send
 * (`mayBackdate`: the agreement's admins, for designations also the table's coordinators) may give the
 * earlier date of the protocol act, and must say why. Returns the record to store, or null for today.
 */
export function checkBackdating(
  ctx: Ctx,
  act: { field: string; date: IsoDate; mayBackdate: boolean; reason: string | null },
): Backdating | null {
  const today = romeDate(ctx.now());
  if (act.date >= today) return null;
  if (!act.mayBackdate)
    throw new AppError("backdating_not_allowed", { field: act.field, date: act.date, today });
  if (!act.reason) throw new AppError("backdating_reason_required", { field: act.field, date: act.date });
  return { reason: act.reason, recordedOn: today };
}
