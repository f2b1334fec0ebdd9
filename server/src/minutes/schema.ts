import { z } from "@hono/zod-openapi";
import { isoDate, objectId, text } from "../shared/schemas.ts";

export const MINUTES_STATUSES = ["bozza", "in_revisione", "approvato"] as const;

const status = z.enum(MINUTES_STATUSES).openapi({
  description: "bozza: only organisers see it; in_revisione: circulated to the table; approvato: frozen",
});

const version = z
  .number()
  .int()
  .min(0)
  .max(1_000_000)
  .openapi({ description: "The version the edit starts from (0 or absent: no minutes yet)" });

const who = z
  .union([
    text(200).openapi({ description: "Free text, e.g. «Ufficio tecnico del Comune di Mineo»" }),
    z.strictObject({ personId: objectId }).openapi({ description: "A person of the installation" }),
  ])
  .openapi("MinutesWhoInput");

export const minutesInput = z
  .strictObject({
    version: version.optional(),
    items: z
      .array(
        z.strictObject({
          agendaItemId: objectId,
          summary: z.string().trim().max(20_000).default(""),
        }),
      )
      .max(50)
      .default([])
      // String(): zod runs the check even when an id failed to parse (it is then still a string).
      .refine(
        (items) => new Set(items.map((i) => String(i.agendaItemId))).size === items.length,
        "punto ripetuto / repeated item",
      )
      .openapi({ description: "Summaries by agenda item; items left out get an empty summary" }),
    decisions: z
      .array(z.strictObject({ text: text(2000) }))
      .max(100)
      .default([]),
    actionItems: z
      .array(
        z.strictObject({
          what: text(1000),
          who,
          due: isoDate.nullable().default(null),
        }),
      )
      .max(100)
      .default([]),
    notes: z.string().trim().max(20_000).default(""),
  })
  .openapi("MinutesInput");

export const minutesTransitionInput = z
  .strictObject({ version: version.optional() })
  .openapi("MinutesTransitionInput", {
    description: "Optional: the version reviewed; a stale one is refused with 409",
  });

export const minutes = z
  .object({
    id: z.string(),
    meetingId: z.string(),
    tableId: z.string(),
    agreementId: z.string(),
    meeting: z.object({
      title: z.string(),
      tableName: z.string(),
      startsAt: z.string(),
      startsAtLocal: z.string().openapi({ description: "Europe/Rome" }),
    }),
    status,
    version: z.number().int(),
    attendees: z.array(
      z.object({
        personId: z.string(),
        name: z.string(),
        organisationId: z.string().nullable(),
        organisationName: z.string().nullable(),
        mode: z.enum(["presenza", "remoto"]),
        arrivedLate: z.boolean(),
        leftEarly: z.boolean(),
      }),
    ),
    items: z.array(
      z.object({
        agendaItemId: z.string(),
        position: z.number().int(),
        title: z.string(),
        summary: z.string(),
        confidential: z.boolean(),
      }),
    ),
    hiddenItems: z.number().int().openapi({ description: "Confidential items not shown to you" }),
    decisions: z.array(z.object({ text: z.string() })),
    actionItems: z.array(
      z.object({
        what: z.string(),
        who: z.object({
          personId: z.string().nullable(),
          text: z.string().openapi({ description: "The person's name, or the free text" }),
        }),
        due: z.string().nullable().openapi({ format: "date" }),
      }),
    ),
    notes: z.string(),
    draftedById: z.string(),
    approvedAt: z.string().nullable(),
    approvedById: z.string().nullable(),
    viewer: z.object({ organiser: z.boolean(), participant: z.boolean() }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Minutes");
