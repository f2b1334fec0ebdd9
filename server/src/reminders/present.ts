import { describeLeadMinutes } from "./describe.ts";
import type { ReminderPreferences } from "./queries.ts";

/** JSON view of a person's reminder preferences, with the lead times in words. */
export function presentReminderPreferences(preferences: ReminderPreferences, lang: "it" | "en") {
  return {
    leadMinutes: preferences.leadMinutes,
    leadLabels: preferences.leadMinutes.map((minutes) => describeLeadMinutes(minutes, lang)),
    channels: preferences.channels,
    paused: preferences.paused,
  };
}
