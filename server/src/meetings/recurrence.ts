import { DateTime } from "luxon";
import rrule from "rrule";

// rrule ships CommonJS: its named exports are only reachable through the default import under Node ESM.
const { Frequency, RRule } = rrule;

import { AppError } from "../shared/errors.ts";
import { ZONE } from "./local-time.ts";

/** A series is a convenience for planning a year of sittings, not an open-ended calendar. */
export const MAX_SITTINGS = 52;

/**
 * Expands an RRULE from the first sitting into the start instants of every sitting. The rule runs on
 * wall-clock time in Italy (the "first Tuesday at 10:00" stays at 10:00 across summer time), each
 * occurrence then becomes an instant. RFC 5545 would move one falling in the spring-forward gap an hour
 * later; a sitting is never moved silently, so the series is refused with the dates that do not exist.
 */
export function expandSeries(firstStart: Date, rrule: string): Date[] {
  const wall = DateTime.fromJSDate(firstStart, { zone: ZONE });
  // rrule works on "floating" dates: the Italian wall-clock time written as if it were UTC.
  const floating = new Date(
    Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second),
  );
  let rule: InstanceType<typeof RRule>;
  try {
    const options = RRule.parseString(rrule.replace(/^RRULE:/i, ""));
    if (options.freq === undefined || options.freq > Frequency.DAILY)
      throw new AppError("recurrence_invalid", {
        rrule,
        reason: "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY",
      });
    if (options.dtstart || options.tzid)
      throw new AppError("recurrence_invalid", { rrule, reason: "no DTSTART/TZID" });
    if (!options.count && !options.until)
      throw new AppError("recurrence_too_long", { rrule, max: MAX_SITTINGS });
    rule = new RRule({ ...options, dtstart: floating });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("recurrence_invalid", { rrule });
  }
  const occurrences = rule.all((_, index) => index <= MAX_SITTINGS);
  if (occurrences.length > MAX_SITTINGS)
    throw new AppError("recurrence_too_long", { rrule, max: MAX_SITTINGS });
  if (occurrences.length === 0) throw new AppError("recurrence_invalid", { rrule, reason: "no sitting" });
  const starts = occurrences.map((d) => {
    const wallTime = {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
    };
    const instant = DateTime.fromObject(wallTime, { zone: ZONE });
    // luxon moves a time in the gap forward: then the hour read back differs from the one asked.
    const exists = instant.hour === wallTime.hour && instant.minute === wallTime.minute;
    return { instant: instant.toJSDate(), exists, wall: d.toISOString().slice(0, 16) };
  });
  const missing = starts.filter((start) => !start.exists).map((start) => start.wall);
  if (missing.length > 0)
    throw new AppError("nonexistent_local_time", { field: "rrule", rrule, dates: missing });
  return starts.map((start) => start.instant);
}
