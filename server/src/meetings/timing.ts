import { AppError } from "../shared/errors.ts";
import { parseMeetingEnd, parseMeetingTime } from "./local-time.ts";

const DAY_MS = 24 * 3600_000;

/** Answers close at the latest when the sitting starts: a deadline after the start is refused (409). */
export function requireDeadlineByStart(rsvpDeadline: Date | null | undefined, startsAt: Date): void {
  if (rsvpDeadline && rsvpDeadline > startsAt) throw new AppError("rsvp_deadline_after_start");
}

/** Start, end and RSVP deadline of a new or moved sitting, checked against each other and the clock. */
export function checkedTiming(
  input: { startsAt: string; endsAt: string; rsvpDeadline?: string | null },
  now: Date,
): { startsAt: Date; endsAt: Date; rsvpDeadline: Date | null } {
  const startsAt = parseMeetingTime(input.startsAt, "startsAt");
  const endsAt = parseMeetingEnd(input.startsAt, startsAt, input.endsAt);
  if (endsAt <= startsAt)
    throw new AppError("date_order", { startsAt: input.startsAt, endsAt: input.endsAt });
  if (endsAt.getTime() - startsAt.getTime() > DAY_MS) throw new AppError("meeting_too_long");
  if (endsAt <= now) throw new AppError("meeting_in_past", { endsAt: input.endsAt });
  const rsvpDeadline = input.rsvpDeadline ? parseMeetingTime(input.rsvpDeadline, "rsvpDeadline") : null;
  requireDeadlineByStart(rsvpDeadline, startsAt);
  return { startsAt, endsAt, rsvpDeadline };
}
