import { AppError } from "../shared/errors.ts";
import type { ReminderPreferences } from "./queries.ts";
import { normaliseQuietHours } from "./quiet-hours.ts";

/** Bounds of a reminder's lead time, in minutes before the sitting: 5 minutes to 7 days. */
export const MIN_LEAD_MINUTES = 5;
export const MAX_LEAD_MINUTES = 7 * 24 * 60;
/** How many reminders one sitting may trigger for one person. */
export const MAX_LEAD_TIMES = 4;

const CHANNELS = ["email", "slack", "push"] as const;

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

/**
 * The preferences after a partial change: fields left out keep their current value, `leadMinutes` is
 * normalised. Checked at run time too, since the Slack bot calls the use case without the HTTP schema.
 */
export function mergePreferences(
  current: ReminderPreferences,
  change: Partial<ReminderPreferences>,
): ReminderPreferences {
  const channels = { ...current.channels, ...change.channels };
  for (const name of CHANNELS)
    if (typeof channels[name] !== "boolean")
      throw new AppError("validation_failed", { field: `channels.${name}` });
  const paused = change.paused ?? current.paused;
  if (typeof paused !== "boolean") throw new AppError("validation_failed", { field: "paused" });
  const leadMinutes =
    change.leadMinutes === undefined ? current.leadMinutes : normaliseLeadMinutes(change.leadMinutes);
  const quietHours =
    change.quietHours === undefined ? current.quietHours : normaliseQuietHours(change.quietHours);
  return {
    leadMinutes,
    channels: { email: channels.email, slack: channels.slack, push: channels.push },
    paused,
    quietHours,
  };
}

/** True when two sets of preferences say the same thing. */
export function samePreferences(a: ReminderPreferences, b: ReminderPreferences): boolean {
  return (
    a.paused === b.paused &&
    a.quietHours?.from === b.quietHours?.from &&
    a.quietHours?.to === b.quietHours?.to &&
    CHANNELS.every((name) => a.channels[name] === b.channels[name]) &&
    a.leadMinutes.length === b.leadMinutes.length &&
    a.leadMinutes.every((m, i) => m === b.leadMinutes[i])
  );
}
