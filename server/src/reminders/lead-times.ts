import { AppError } from "../shared/errors.ts";

/** Bounds of a reminder's lead time, in minutes before the sitting: 5 minutes to 7 days. */
export const MIN_LEAD_MINUTES = 5;
export const MAX_LEAD_MINUTES = 7 * 24 * 60;
/** How many reminders one sitting may trigger for one person. */
export const MAX_LEAD_TIMES = 4;

/**
 * Lead times furthest first (the order they fire in, as in the defaults), without duplicates; each a
 * whole number of minutes within bounds, and at most four once duplicates are dropped.
 */
export function normaliseLeadMinutes(leadMinutes: unknown): number[] {
  if (!Array.isArray(leadMinutes)) throw new AppError("validation_failed", { field: "leadMinutes" });
  const invalid = leadMinutes.filter(
    (m) => !Number.isInteger(m) || m < MIN_LEAD_MINUTES || m > MAX_LEAD_MINUTES,
  );
  if (invalid.length > 0)
    throw new AppError("reminder_lead_time_invalid", {
      invalid,
      min: MIN_LEAD_MINUTES,
      max: MAX_LEAD_MINUTES,
    });
  const unique = [...new Set(leadMinutes as number[])].sort((a, b) => b - a);
  if (unique.length > MAX_LEAD_TIMES)
    throw new AppError("reminder_too_many", { count: unique.length, max: MAX_LEAD_TIMES });
  return unique;
}

/** The product's lead times for a table that sets none: a day and an hour before. */
export const DEFAULT_LEAD_MINUTES: readonly number[] = Object.freeze([1440, 60]);
