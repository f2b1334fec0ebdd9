import { DateTime } from "luxon";
import { AppError } from "../shared/errors.ts";

/** "Non disturbare" hours, local times in Europe/Rome (`HH:MM`); `from` after `to` spans midnight. */
export type QuietHours = { from: string; to: string };

const ZONE = "Europe/Rome";
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

const minutesOf = (hhmm: string) => {
  const [, h, m] = HH_MM.exec(hhmm) ?? [];
  return Number(h) * 60 + Number(m);
};

/** Checked at run time too, since the Slack bot calls the use case without the HTTP schema. */
export function normaliseQuietHours(value: unknown): QuietHours | null {
  if (value === null) return null;
  const { from, to } = (value ?? {}) as Partial<QuietHours>;
  if (
    typeof from !== "string" ||
    typeof to !== "string" ||
    !HH_MM.test(from) ||
    !HH_MM.test(to) ||
    from === to
  )
    throw new AppError("reminder_quiet_hours_invalid", { from: from ?? null, to: to ?? null });
  return { from, to };
}

/**
 * When a reminder meant for `at` goes out: at `at` when that is outside the quiet hours; inside them,
 * when they end if that is still before `by` (the sitting's start, or the RSVP deadline), else when they
 * began if that is still ahead of `now`, else at `at` after all (a sitting convened in the middle of
 * the night for early the next morning). Local times, so summer time moves nothing.
 */
export function outsideQuietHours(at: Date, quiet: QuietHours | null, by: Date, now: Date): Date {
  if (!quiet) return at;
  const local = DateTime.fromJSDate(at, { zone: ZONE });
  const minute = local.hour * 60 + local.minute;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  const inside = from < to ? minute >= from && minute < to : minute >= from || minute < to;
  if (!inside) return at;
  const atLocal = (day: DateTime, minutes: number) =>
    day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 });
  const began = atLocal(minute >= from ? local : local.minus({ days: 1 }), from).toJSDate();
  const ends = atLocal(minute < to ? local : local.plus({ days: 1 }), to).toJSDate();
  if (ends < by) return ends;
  if (began > now) return began;
  return at;
}
