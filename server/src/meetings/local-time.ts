import { DateTime } from "luxon";
import { AppError } from "../shared/errors.ts";

/** Every meeting time is shown, and entered without an offset, in the legal time of Italy. */
export const ZONE = "Europe/Rome";

const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Reads a date-time from the API. With an offset (`Z`, `+02:00`) it is an instant; without one it is a
 * wall-clock time in Italy. A wall-clock time that does not exist (02:30 on the last Sunday of March)
 * is refused rather than silently moved: the convener must pick the time. A repeated one (02:30 on the
 * last Sunday of October) is the first, as RFC 5545 reads it.
 */
export function parseMeetingTime(value: string, field: string): Date {
  if (HAS_OFFSET.test(value)) {
    const instant = DateTime.fromISO(value, { setZone: true });
    if (!instant.isValid)
      throw new AppError("validation_failed", [{ path: field, message: "data-ora non valida" }]);
    return instant.toJSDate();
  }
  const { typed, readings } = wallClockReadings(value, field);
  const first = readings[0];
  if (!first) {
    throw new AppError("nonexistent_local_time", {
      field,
      value,
      suggestion: typed.plus({ hours: 1 }).toFormat("yyyy-MM-dd'T'HH:mm"),
    });
  }
  return first.toJSDate();
}

/** The wall-clock time as typed (in a UTC DateTime) and the instants that read as it in Italy, earliest first. */
function wallClockReadings(value: string, field: string) {
  const typed = DateTime.fromISO(value, { zone: "UTC" });
  if (!typed.isValid)
    throw new AppError("validation_failed", [{ path: field, message: "data-ora non valida" }]);
  const wall = typed.toFormat("yyyy-MM-dd'T'HH:mm:ss");
  // Italy's offset is +01:00 or +02:00: the instants that read as this wall-clock time there, earliest first.
  const readings = [120, 60]
    .map((offsetMinutes) => typed.minus({ minutes: offsetMinutes }).setZone(ZONE))
    .filter((instant) => instant.toFormat("yyyy-MM-dd'T'HH:mm:ss") === wall);
  return { typed, readings };
}

/**
 * Reads the end of a sitting that starts at `startsAt` (typed as `startText`). When clocks go back,
 * 02:00–02:59 happens twice and a start then is read as the first one; an end typed as wall-clock time
 * would then add the repeated hour (02:30–03:30 lasting two hours). So after an ambiguous start the
 * end keeps the duration typed, as if both were read at the start's offset; otherwise it is read as is.
 */
export function parseMeetingEnd(startText: string, startsAt: Date, endText: string): Date {
  const endsAt = parseMeetingTime(endText, "endsAt");
  if (HAS_OFFSET.test(startText) || HAS_OFFSET.test(endText)) return endsAt;
  if (wallClockReadings(startText, "startsAt").readings.length < 2) return endsAt;
  const typedMs =
    DateTime.fromISO(endText, { zone: "UTC" }).toMillis() -
    DateTime.fromISO(startText, { zone: "UTC" }).toMillis();
  return new Date(startsAt.getTime() + typedMs);
}

/** The instant as an ISO string with Italy's offset of that day, e.g. 2027-03-28T03:30:00+02:00. */
export function romeIso(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: ZONE }).toISO({ suppressMilliseconds: true }) ?? "";
}

/** The instant as a luxon DateTime in Italy (what ical-generator needs to write TZID times correctly). */
export function inRome(instant: Date): DateTime {
  return DateTime.fromJSDate(instant, { zone: ZONE });
}

/** "martedì 24 marzo 2026, 10:00" (or English): one instant in Italy, for messages and notifications. */
export function describeInstant(instant: Date, lang: "it" | "en"): string {
  return inRome(instant)
    .setLocale(lang === "it" ? "it" : "en-GB")
    .toFormat("cccc d LLLL yyyy, HH:mm");
}

/** "martedì 2 marzo 2027, 10:00–12:00" (or English), for messages and notifications. */
export function describeSlot(startsAt: Date, endsAt: Date, lang: "it" | "en"): string {
  const start = inRome(startsAt).setLocale(lang === "it" ? "it" : "en-GB");
  const end = inRome(endsAt).setLocale(lang === "it" ? "it" : "en-GB");
  const day = start.toFormat(lang === "it" ? "cccc d LLLL yyyy" : "cccc d LLLL yyyy");
  const sameDay = start.hasSame(end, "day");
  return sameDay
    ? `${day}, ${start.toFormat("HH:mm")}–${end.toFormat("HH:mm")}`
    : `${day}, ${start.toFormat("HH:mm")} – ${end.toFormat("cccc d LLLL yyyy, HH:mm")}`;
}
