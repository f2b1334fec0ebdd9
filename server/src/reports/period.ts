import { DateTime } from "luxon";
import { ZONE } from "../meetings/local-time.ts";
import { addDays, type IsoDate, isRealDate } from "../shared/dates.ts";
import { AppError } from "../shared/errors.ts";
import type { ReportPreset } from "./issued.ts";
import type { ReportPeriod } from "./section.ts";

/** What a request names: a preset (with its year and half) or explicit days. */
export type PeriodQuery = {
  preset?: ReportPreset | undefined;
  year?: number | undefined;
  half?: 1 | 2 | undefined;
  from?: IsoDate | undefined;
  to?: IsoDate | undefined;
};

/**
 * The period a report covers, in Europe/Rome calendar days, both included:
 * `semestrale` H1 = 1 Jan–30 Jun, H2 = 1 Jul–31 Dec of `year`; `annuale` the calendar year; `sal` from the
 * day after the previous issued report's end (or the agreement's signing, or `from`) to today (or `to`);
 * `personalizzato` (or no preset) exactly `from`–`to`. `to` before `from` is `date_order`.
 */
export function resolvePeriod(
  query: PeriodQuery,
  context: { today: IsoDate; previousEnd: IsoDate | null; signedOn: IsoDate | null },
): { preset: ReportPreset; period: ReportPeriod } {
  const preset = query.preset ?? "personalizzato";
  let period: ReportPeriod;
  switch (preset) {
    case "semestrale": {
      const year = requireYear(query.year);
      if (query.half !== 1 && query.half !== 2)
        throw new AppError("report_period_invalid", { preset, missing: "half" });
      period =
        query.half === 1
          ? { from: `${year}-01-01`, to: `${year}-06-30` }
          : { from: `${year}-07-01`, to: `${year}-12-31` };
      break;
    }
    case "annuale": {
      const year = requireYear(query.year);
      period = { from: `${year}-01-01`, to: `${year}-12-31` };
      break;
    }
    case "sal": {
      const from = query.from ?? (context.previousEnd ? addDays(context.previousEnd, 1) : context.signedOn);
      if (!from) throw new AppError("report_period_invalid", { preset, missing: "from" });
      period = { from, to: query.to ?? context.today };
      break;
    }
    case "personalizzato": {
      if (!query.from || !query.to)
        throw new AppError("report_period_invalid", { preset, missing: query.from ? "to" : "from" });
      period = { from: query.from, to: query.to };
      break;
    }
  }
  if (!isRealDate(period.from) || !isRealDate(period.to))
    throw new AppError("report_period_invalid", { preset, period });
  if (period.to < period.from) throw new AppError("date_order", { from: period.from, to: period.to });
  return { preset, period };
}

function requireYear(year: number | undefined): number {
  if (year === undefined || !Number.isInteger(year) || year < 2000 || year > 2100)
    throw new AppError("report_period_invalid", { missing: "year" });
  return year;
}

/** The period as instants: from the start of its first day to the start of the day after its last, in Rome. */
export function periodInstants(period: ReportPeriod): { start: Date; end: Date } {
  const day = (date: IsoDate) => DateTime.fromISO(date, { zone: ZONE }).startOf("day").toJSDate();
  return { start: day(period.from), end: day(addDays(period.to, 1)) };
}

/** True when the instant falls within the period (Rome days). */
export function inPeriod(instant: Date, period: ReportPeriod): boolean {
  const { start, end } = periodInstants(period);
  return instant >= start && instant < end;
}
