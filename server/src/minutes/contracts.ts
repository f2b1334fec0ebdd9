import { createRoute, z } from "@hono/zod-openapi";
import { authenticated, errorsFor, jsonBody, jsonContent } from "../shared/openapi.ts";
import { idParam, isoDate, objectId, text } from "../shared/schemas.ts";

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

const tags = ["Minutes"];
const writeErrors = errorsFor(400, 401, 403, 404, 409);
const optionalBody = { required: false, ...jsonContent(minutesTransitionInput) };

export const getMinutesRoute = createRoute({
  method: "get",
  path: "/meetings/{id}/minutes",
  tags,
  summary: "The minutes (verbale) of a sitting",
  description:
    "Drafts (`bozza`) are for the organisers, minutes under review (`in_revisione`) for the table's participants (organisers, people convened, referents of member organisations), approved minutes for anyone logged in. Confidential items are shown to participants only (`hiddenItems` counts the others). 403 `minutes_not_shared` when not yet shared with you, 404 when there are none.",
  security: authenticated,
  request: { params: idParam },
  responses: {
    200: { description: "The minutes", ...jsonContent(minutes) },
    ...errorsFor(400, 401, 403, 404),
  },
});

export const getMinutesMarkdownRoute = createRoute({
  method: "get",
  path: "/meetings/{id}/minutes.md",
  tags,
  summary: "The minutes as Markdown (Presenti, Ordine del giorno, Decisioni, Azioni)",
  description:
    "Same access and filtering as `GET /meetings/{id}/minutes`; an open format to archive or print.",
  security: authenticated,
  request: { params: idParam },
  responses: {
    200: {
      description: "Markdown, UTF-8",
      content: { "text/markdown": { schema: z.string().openapi({ description: "CommonMark" }) } },
    },
    ...errorsFor(400, 401, 403, 404),
  },
});

export const draftMinutesRoute = createRoute({
  method: "put",
  path: "/meetings/{id}/minutes",
  tags,
  summary: "Write or rewrite the minutes (organisers, from the start of the sitting until approval)",
  description:
    "Replaces the whole content. Send the `version` you edited (absent or 0 for new minutes): a stale one is refused with 409 `minutes_version_conflict`. Summaries are matched to agenda items by `agendaItemId`; the attendees are copied from the attendance register on every save. Approved minutes are frozen (409 `minutes_approved`). Emits `minutes.drafted` (ids and counts only).",
  security: authenticated,
  request: { params: idParam, body: jsonBody(minutesInput) },
  responses: {
    200: { description: "Updated", ...jsonContent(minutes) },
    201: { description: "Created (status `bozza`, version 1)", ...jsonContent(minutes) },
    ...writeErrors,
  },
});

export const reviewMinutesRoute = createRoute({
  method: "post",
  path: "/meetings/{id}/minutes/review",
  tags,
  summary: "Circulate the draft to the table for review: bozza → in_revisione (organisers)",
  description: "Emits `minutes.circulated` with the people convened (no content).",
  security: authenticated,
  request: { params: idParam, body: optionalBody },
  responses: { 200: { description: "Under review", ...jsonContent(minutes) }, ...writeErrors },
});

export const approveMinutesRoute = createRoute({
  method: "post",
  path: "/meetings/{id}/minutes/approve",
  tags,
  summary: "Approve the minutes under review: in_revisione → approvato, then frozen (organisers)",
  description: "Emits `minutes.approved` with the people convened (no content).",
  security: authenticated,
  request: { params: idParam, body: optionalBody },
  responses: { 200: { description: "Approved", ...jsonContent(minutes) }, ...writeErrors },
});

const binary = { schema: { type: "string" as const, format: "binary" } };

export const exportMinutesRoute = createRoute({
  method: "get",
  path: "/meetings/{id}/minutes/export",
  tags,
  summary: "The minutes as a PDF or an OpenDocument text (ODT), to archive or attach to a protocol act",
  description:
    "Same access and filtering as `GET /meetings/{id}/minutes` (confidential items only for the table's participants). `format=pdf` (default): A4, Italian layout, page numbers; `format=odt`: ODF 1.3 text. A download (`Content-Disposition: attachment`, `X-Content-Type-Options: nosniff`).",
  security: authenticated,
  request: {
    params: idParam,
    query: z.object({ format: z.enum(["pdf", "odt"]).default("pdf") }),
  },
  responses: {
    200: {
      description: "The file",
      content: { "application/pdf": binary, "application/vnd.oasis.opendocument.text": binary },
    },
    ...errorsFor(400, 401, 403, 404),
  },
});
