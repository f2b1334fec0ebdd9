/**
 * Transitional re-exports for `bot/`, which still deep-imports this path: reading the preferences is
 * in `queries.ts`, changing them in `set-preferences.ts`. Delete once the bot imports the features'
 * public surfaces (issue 12, item 1). Server code must not import this file.
 */
export { describeLeadMinutes } from "./describe.ts";
export { DEFAULT_REMINDER_PREFERENCES, getReminderPreferences, type ReminderPreferences } from "./queries.ts";
export { setReminderPreferences } from "./set-preferences.ts";
