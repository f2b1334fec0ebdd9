// The reminder preferences' public surface.
export { describeLeadMinutes } from "./describe.ts";
export { eraseReminderPreferencesOf, exportReminderPreferencesOf } from "./personal-data.ts";
export { DEFAULT_REMINDER_PREFERENCES, getReminderPreferences, type ReminderPreferences } from "./queries.ts";
export { setReminderPreferences } from "./set-preferences.ts";
