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
 * occurrence then becomes an instant; one falling in the spring-forward gap moves an hour later, as
 * RFC 5545 says.
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
  return occurrences.map((d) =>
    DateTime.fromObject(
      {
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        hour: d.getUTCHours(),
        minute: d.getUTCMinutes(),
        second: d.getUTCSeconds(),
      },
      { zone: ZONE },
    ).toJSDate(),
  );
}
