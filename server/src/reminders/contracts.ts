import { createRoute, z } from "@hono/zod-openapi";
import { authenticated, errorsFor, jsonBody, jsonContent } from "../shared/openapi.ts";
import { pageQuery } from "../shared/pagination.ts";
import { nonEmptyPatch, pageOf } from "../shared/schemas.ts";

const channels = z
  .strictObject({
    email: z.boolean(),
    slack: z.boolean(),
    push: z
      .boolean()
      .openapi({ description: "Web push on the devices where it was allowed; off by default" }),
  })
  .openapi("ReminderChannels");

const paused = z.boolean().openapi({ description: "Non disturbare: no reminders at all while true" });

const quietHours = z
  .strictObject({
    from: z.string().openapi({ example: "22:00" }),
    to: z.string().openapi({ example: "07:00" }),
  })
  .nullable()
  .openapi("QuietHours", {
    description:
      "Hours (HH:MM, Europe/Rome; `from` after `to` spans midnight) in which no reminder goes out: one due then " +
      "waits for their end, or comes at their start when the end would be too late. `null`: none.",
  });

export const reminderPreferencesPatch = nonEmptyPatch(
  z.strictObject({
    // Bounds and count are checked by the use case, so each gets its own error code and message.
    leadMinutes: z
      .array(z.number())
      .max(100)
      .nullable()
      .optional()
      .openapi({
        description:
          "Minutes before each sitting, 5 to 10080 (7 days), at most 4 distinct; stored furthest first without duplicates. `[]`: no reminders. `null`: each table's lead times (its `reminderLeadMinutes`, else a day and an hour).",
        example: [1440, 60],
      }),
    channels: channels.optional().openapi({ description: "All three channels, when given" }),
    paused: paused.optional(),
    quietHours: quietHours.optional(),
  }),
).openapi("ReminderPreferencesPatch");

export const reminderPreferences = z
  .object({
    leadMinutes: z.array(z.number().int()).openapi({ example: [1440, 60] }),
    leadLabels: z.array(z.string()).openapi({
      description: "Each lead time in words, in the request's language",
      example: ["1 giorno prima", "1 ora prima"],
    }),
    leadMinutesFrom: z.enum(["person", "tables"]).openapi({
      description:
        "person: these lead times apply to every sitting; tables: each table's apply, these for a table that sets none",
    }),
    channels,
    paused,
    quietHours,
  })
  .openapi("ReminderPreferences");

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
  summary: "Change my reminder preferences: lead times, channels, do-not-disturb, quiet hours",
  description:
    "Fields left out keep their value. Lead times are sorted and duplicates dropped; one outside 5–10080 " +
    "minutes is `reminder_lead_time_invalid`, more than 4 is `reminder_too_many`, quiet hours not HH:MM or " +
    "empty are `reminder_quiet_hours_invalid`, and nothing is changed. Pending reminders are planned again. " +
    "Emits `reminder_preferences.changed` when something changed.",
  security: authenticated,
  request: { body: jsonBody(reminderPreferencesPatch) },
  responses: {
    200: { description: "My preferences as stored", ...jsonContent(reminderPreferences) },
    ...errorsFor(400, 401, 409),
  },
});

const kind = z.enum(["before", "confirm", "cancelled"]).openapi({
  description:
    "before: a reminder ahead of the sitting; confirm: asks for an answer; cancelled: it was called off",
});
const channelName = z.enum(["push", "slack", "email"]);

export const sentNotification = z
  .object({
    id: z.string(),
    kind,
    channel: channelName,
    meetingId: z.string(),
    title: z
      .string()
      .openapi({ description: "The sitting's title as sent (never confidential agenda text)" }),
    tableName: z.string(),
    startsAt: z.string(),
    leadMinutes: z.number().int().nullable(),
    sentAt: z.string(),
  })
  .openapi("SentNotification");

export const myNotificationsRoute = createRoute({
  method: "get",
  path: "/people/me/notifications",
  tags,
  summary: "The reminders sent to me, newest first",
  security: authenticated,
  request: { query: pageQuery },
  responses: {
    200: { description: "What reached me", ...jsonContent(pageOf(sentNotification, "SentNotificationPage")) },
    ...errorsFor(400, 401),
  },
});

export const OCCURRENCE_STATES = ["pending", "sending", "sent", "failed", "dropped", "skipped"] as const;

export const reminderOccurrence = z
  .object({
    id: z.string(),
    meetingId: z.string(),
    personId: z.string(),
    kind,
    leadMinutes: z.number().int().nullable(),
    channel: channelName,
    meetingSequence: z.number().int(),
    state: z.enum(OCCURRENCE_STATES),
    scheduledFor: z.string(),
    dueAt: z.string(),
    attempts: z.number().int(),
    reason: z.string().nullable().openapi({ description: "Why it failed, was dropped or skipped" }),
    sentVia: channelName.nullable(),
    sentAt: z.string().nullable(),
  })
  .openapi("ReminderOccurrence");

export const adminNotificationsRoute = createRoute({
  method: "get",
  path: "/admin/notifications",
  tags: ["Admin"],
  summary:
    "Reminder occurrences in one state, newest first: the failed ones by default. Installation admins only.",
  security: authenticated,
  request: {
    query: pageQuery.extend({ state: z.enum(OCCURRENCE_STATES).default("failed") }),
  },
  responses: {
    200: {
      description: "Occurrences",
      ...jsonContent(pageOf(reminderOccurrence, "ReminderOccurrencePage")),
    },
    ...errorsFor(400, 401, 403),
  },
});
