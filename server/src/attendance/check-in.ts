import type { ObjectId } from "mongodb";
import { hitRateLimit } from "../auth/rate-limit.ts";
import { sameSecret } from "../auth/secrets.ts";
import { loadMeeting, loadMeetingTable } from "../meetings/access.ts";
import { findConvened } from "../meetings/convened.ts";
import type { MeetingDoc } from "../meetings/documents.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { requireActor } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import type { AttendanceDoc } from "./documents.ts";
import { registerOpensAt, requireOpenRegister, saveRow, underMeetingLock } from "./register.ts";

/** Attempts allowed per person and sitting: 5 per 10 minutes make a 6-digit code unguessable in a sitting. */
export const CHECK_IN_LIMITS = { limit: 5, windowMs: 10 * 60_000 } as const;

/** Arriving more than a quarter of an hour after the start counts as late (the "quarto d'ora accademico"). */
export const LATE_AFTER_MS = 15 * 60_000;

/** Self check-in is open from 30 minutes before the start until the end. */
function requireCheckInWindow(meeting: MeetingDoc, now: Date): void {
  const opensAt = registerOpensAt(meeting);
  if (now < opensAt || now > meeting.endsAt)
    throw new AppError("check_in_closed", {
      opensAt: opensAt.toISOString(),
      closesAt: meeting.endsAt.toISOString(),
    });
}

/**
 * A convened person checks themself in with the code shown in the room. Every attempt takes a rate-limit
 * slot before the code is compared, so not even a burst of concurrent guesses gets more than 5 tries per
 * window; wrong codes change nothing else. A first check-in more than 15 minutes after the start is marked
 * late; checking in again updates the one row (mode, source), keeping the late/early marks.
 */
export async function checkIn({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { meetingId: ObjectId; code: string; mode: AttendanceDoc["mode"] };
}): Promise<AttendanceDoc> {
  const actor = requireActor(ctx);
  const meeting = await loadMeeting(ctx, input.meetingId);
  const table = await loadMeetingTable(ctx, meeting);
  const convened = await findConvened(ctx, meeting, table, actor.personId);
  if (!convened) throw new AppError("not_convened", { personId: actor.personId.toHexString() });
  requireOpenRegister(meeting);
  requireCheckInWindow(meeting, ctx.now());
  await hitRateLimit({
    ctx,
    input: {
      scope: `check-in:${meeting._id.toHexString()}:${actor.personId.toHexString()}`,
      ...CHECK_IN_LIMITS,
    },
  });
  if (!sameSecret(input.code, meeting.checkInCode)) throw new AppError("check_in_code_invalid");
  // Checked outside the lock so that guesses never hold it; state re-checked inside before writing.
  return underMeetingLock(ctx, meeting._id, async (fresh) => {
    requireOpenRegister(fresh);
    requireCheckInWindow(fresh, ctx.now());
    const changes = {
      organisationId: convened.organisationId,
      mode: input.mode,
      source: "check_in" as const,
      recordedBy: actor.personId,
      recordedAt: ctx.now(),
    };
    const row = {
      meetingId: fresh._id,
      personId: actor.personId,
      ...changes,
      arrivedLate: ctx.now().getTime() > fresh.startsAt.getTime() + LATE_AFTER_MS,
      leftEarly: false,
    };
    const { before, after } = await saveRow(ctx, row, changes);
    await recordChange(ctx, {
      action: "attendance.checked_in",
      entity: "attendance",
      entityId: after._id,
      agreementId: fresh.agreementId,
      before,
      after,
      event: {
        type: "attendance.checked_in",
        payload: {
          meetingId: fresh._id.toHexString(),
          tableId: fresh.tableId.toHexString(),
          personId: actor.personId.toHexString(),
          organisationId: after.organisationId?.toHexString() ?? null,
          mode: after.mode,
        },
      },
    });
    return after;
  });
}
