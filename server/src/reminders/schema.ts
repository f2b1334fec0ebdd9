import { z } from "@hono/zod-openapi";
import { nonEmptyPatch } from "../shared/schemas.ts";

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

export const reminderPreferencesPatch = nonEmptyPatch(
  z.strictObject({
    // Bounds and count are checked by the use case, so each gets its own error code and message.
    leadMinutes: z
      .array(z.number())
      .max(100)
      .optional()
      .openapi({
        description:
          "Minutes before each sitting, 5 to 10080 (7 days), at most 4 distinct; stored furthest first without duplicates. `[]`: no reminders.",
        example: [1440, 60],
      }),
    channels: channels.optional().openapi({ description: "All three channels, when given" }),
    paused: paused.optional(),
  }),
).openapi("ReminderPreferencesPatch");

export const reminderPreferences = z
  .object({
    leadMinutes: z.array(z.number().int()).openapi({ example: [1440, 60] }),
    leadLabels: z.array(z.string()).openapi({
      description: "Each lead time in words, in the request's language",
      example: ["1 giorno prima", "1 ora prima"],
    }),
    channels,
    paused,
  })
  .openapi("ReminderPreferences");
