import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import type { MinutesDoc } from "./documents.ts";
import { transitionMinutes } from "./transition.ts";

/**
 * An organiser circulates the draft to the table for review (bozza → in_revisione); emits
 * `minutes.circulated` with the people convened. Edits remain possible until approval.
 */
export function submitMinutesForReview({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { meetingId: ObjectId; version?: number };
}): Promise<MinutesDoc> {
  return transitionMinutes(ctx, input, {
    from: "bozza",
    to: "in_revisione",
    event: "minutes.circulated",
    wrongStatus: "minutes_already_in_review",
  });
}
