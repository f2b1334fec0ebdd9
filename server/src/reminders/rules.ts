import { AppError } from "../shared/errors.ts";
import { DEFAULT_LEAD_MINUTES, normaliseLeadMinutes } from "./lead-times.ts";
import type { ReminderPreferences, ReminderPreferencesChange } from "./queries.ts";
import { normaliseQuietHours } from "./quiet-hours.ts";

const CHANNELS = ["email", "slack", "push"] as const;

/**
 * The preferences after a partial change: fields left out keep their current value, `leadMinutes` is
 * normalised. Checked at run time too, since the Slack bot calls the use case without the HTTP schema.
 */
export function mergePreferences(
  current: ReminderPreferences,
  change: ReminderPreferencesChange,
): ReminderPreferences {
  const channels = { ...current.channels, ...change.channels };
  for (const name of CHANNELS)
    if (typeof channels[name] !== "boolean")
      throw new AppError("validation_failed", { field: `channels.${name}` });
  const paused = change.paused ?? current.paused;
  if (typeof paused !== "boolean") throw new AppError("validation_failed", { field: "paused" });
  // `null`: back to each table's lead times (the list shown is then the product's default).
  const ownLeadMinutes =
    change.leadMinutes === undefined ? current.ownLeadMinutes : change.leadMinutes !== null;
  const leadMinutes =
    change.leadMinutes === undefined
      ? current.leadMinutes
      : change.leadMinutes === null
        ? [...DEFAULT_LEAD_MINUTES]
        : normaliseLeadMinutes(change.leadMinutes);
  const quietHours =
    change.quietHours === undefined ? current.quietHours : normaliseQuietHours(change.quietHours);
  return {
    leadMinutes,
    ownLeadMinutes,
    channels: { email: channels.email, slack: channels.slack, push: channels.push },
    paused,
    quietHours,
  };
}

/** True when two sets of preferences say the same thing. */
export function samePreferences(a: ReminderPreferences, b: ReminderPreferences): boolean {
  return (
    a.paused === b.paused &&
    a.ownLeadMinutes === b.ownLeadMinutes &&
    a.quietHours?.from === b.quietHours?.from &&
    a.quietHours?.to === b.quietHours?.to &&
    CHANNELS.every((name) => a.channels[name] === b.channels[name]) &&
    a.leadMinutes.length === b.leadMinutes.length &&
    a.leadMinutes.every((m, i) => m === b.leadMinutes[i])
  );
}
