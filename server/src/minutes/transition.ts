import type { ObjectId } from "mongodb";
import { requireOrganiser } from "../meetings/access.ts";
import { convenedPeople } from "../meetings/convened.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import type { MinutesDoc, MinutesStatus } from "./documents.ts";
import { type MinutesEvent, recordMinutes } from "./record.ts";
import {
  replaceMinutes,
  requireMinutes,
  requireMinutesWritable,
  requireNotApproved,
  requireVersion,
  withMinutes,
} from "./rules.ts";

/** Moves the minutes one step (organisers only); `version`, when given, must be the stored one. */
export async function transitionMinutes(
  ctx: Ctx,
  input: { meetingId: ObjectId; version?: number },
  step: {
    from: MinutesStatus;
    to: MinutesStatus;
    event: MinutesEvent;
    /** Thrown when the minutes are not in `from` (and not approved, which is always `minutes_approved`). */
    wrongStatus: "minutes_already_in_review" | "minutes_not_in_review";
  },
): Promise<MinutesDoc> {
  return withMinutes(ctx, input.meetingId, async (meeting, table, found) => {
    const actor = requireOrganiser(ctx, table);
    requireMinutesWritable(meeting, ctx.now());
    const before = requireMinutes(found, meeting);
    requireNotApproved(before);
    if (input.version !== undefined) requireVersion(before, input.version);
    if (before.status !== step.from) throw new AppError(step.wrongStatus, { status: before.status });
    const now = ctx.now();
    const after: MinutesDoc = {
      ...before,
      status: step.to,
      ...(step.to === "approvato" ? { approvedAt: now, approvedById: actor.personId } : {}),
      updatedAt: now,
    };
    await replaceMinutes(ctx, before, after);
    // Who to tell: everyone convened (notifiers decide how; the payload has no content).
    const convened = await convenedPeople(ctx, meeting, table);
    await recordMinutes(ctx, step.event, before, after, {
      convenedPersonIds: convened.map((p) => p.personId.toHexString()),
    });
    return after;
  });
}
