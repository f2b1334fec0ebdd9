import { createRoute } from "@hono/zod-openapi";
import { authenticated, errorsFor, jsonBody, jsonContent } from "../shared/openapi.ts";
import { reminderPreferences, reminderPreferencesPatch } from "./schema.ts";

const tags = ["Reminders"];

export const getPreferencesRoute = createRoute({
  method: "get",
  path: "/people/me/reminder-preferences",
  tags,
  summary: "My reminder preferences (the defaults until I change them)",
  description: "Defaults: a day and an hour before each sitting, by e-mail and Slack, push off, not paused.",
  security: authenticated,
  responses: {
    200: { description: "My preferences", ...jsonContent(reminderPreferences) },
    ...errorsFor(401),
  },
});

export const setPreferencesRoute = createRoute({
  method: "put",
  path: "/people/me/reminder-preferences",
  tags,
  summary: "Change my reminder preferences: lead times, channels, do-not-disturb",
  description:
    "Fields left out keep their value. Lead times are sorted and duplicates dropped; one outside 5–10080 " +
    "minutes is `reminder_lead_time_invalid`, more than 4 is `reminder_too_many`, and nothing is changed. " +
    "Emits `reminder_preferences.changed` when something changed.",
  security: authenticated,
  request: { body: jsonBody(reminderPreferencesPatch) },
  responses: {
    200: { description: "My preferences as stored", ...jsonContent(reminderPreferences) },
    ...errorsFor(400, 401, 409),
  },
});
