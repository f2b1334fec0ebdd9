import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import type { MinutesDoc } from "./documents.ts";
import { transitionMinutes } from "./transition.ts";

/**
 * An organiser approves the minutes under review (in_revisione → approvato); emits `minutes.approved`.
 * Approved minutes are frozen: every later edit or transition is refused with `minutes_approved`.
 */
export function approveMinutes({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { meetingId: ObjectId; version?: number };
}): Promise<MinutesDoc> {
  return transitionMinutes(ctx, input, {
    from: "in_revisione",
    to: "approvato",
    event: "minutes.approved",
    wrongStatus: "minutes_not_in_review",
  });
}
