import { createRoute, z } from "@hono/zod-openapi";
import { authenticated, errorsFor, jsonBody, jsonContent } from "../shared/openapi.ts";
import { idParam } from "../shared/schemas.ts";
import { minutes, minutesInput, minutesTransitionInput } from "./schema.ts";

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
