import { defineEvents, hexId, z } from "../shared/event-schema.ts";

/** The events the reminders feature records (merged into the catalogue, `server/src/events.ts`). */
export const reminderEvents = defineEvents({
  "reminder_preferences.changed": z.strictObject({ personId: hexId() }),
});
