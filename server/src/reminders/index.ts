// The reminder preferences' public surface.
export {
  DEFAULT_REMINDER_PREFERENCES,
  describeLeadMinutes,
  getReminderPreferences,
  type ReminderPreferences,
  setReminderPreferences,
} from "./preferences.ts";
