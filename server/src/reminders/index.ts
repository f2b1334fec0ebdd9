// The reminders' public surface: preferences, and the channel contract reminders are delivered through.
export type { ChannelOutcome, ReminderChannel, ReminderMessage } from "./channels.ts";
export { describeLeadMinutes } from "./describe.ts";
export { eraseReminderPreferencesOf, exportReminderPreferencesOf } from "./personal-data.ts";
export { DEFAULT_REMINDER_PREFERENCES, getReminderPreferences, type ReminderPreferences } from "./queries.ts";
export { setReminderPreferences } from "./set-preferences.ts";
