import { createRoute, z } from "@hono/zod-openapi";
import { actionItem } from "../action-items/contracts.ts";
import { authenticated, errorsFor, jsonBody, jsonContent } from "../shared/openapi.ts";
import { idParam, text } from "../shared/schemas.ts";

/** ISO 8601 date-time; without an offset it is a wall-clock time in Italy (Europe/Rome). */
export const dateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/,
    "data-ora ISO 8601 non valida / invalid ISO 8601 date-time",
  )
  .openapi({
    example: "2027-03-02T10:00",
    description: "ISO 8601; without an offset it is the local time in Italy (Europe/Rome)",
  });

export const MEETING_MODES = ["in_presenza", "online", "ibrida"] as const;

export const quorumRule = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("none") }),
    z.strictObject({ kind: z.literal("majority") }),
    z.strictObject({ kind: z.literal("fixed"), organisations: z.number().int().min(1).max(10_000) }),
  ])
  .openapi("QuorumRule", {
    description:
      "How many member organisations must be represented: none, a majority of the table's members on the day, or a fixed number",
  });

export const place = z
  .strictObject({ address: text(300), room: text(120).nullable().default(null) })
  .openapi("Place");

export const videoLinkInput = z
  .union([
    z.strictObject({ generate: z.literal(true) }).openapi({ description: "Generate a Jitsi Meet room" }),
    z
      .strictObject({ url: z.string().trim().min(1).max(2000) })
      .openapi({ description: "A pasted https link (Teams, Google Meet, Zoom, Webex, Jitsi)" }),
  ])
  .nullable()
  .openapi("VideoLinkInput");

export const agendaItemInput = z
  .strictObject({
    title: text(300),
    presenter: text(200).nullable().default(null),
    attachments: z
      .array(z.strictObject({ title: text(200), url: z.url({ protocol: /^https?$/ }).max(2000) }))
      .max(10)
      .default([]),
    confidential: z.boolean().default(false).openapi({ description: "riservato: only for the table" }),
  })
  .openapi("AgendaItemInput");

const meetingFields = {
  title: text(200),
  startsAt: dateTime,
  endsAt: dateTime,
  mode: z.enum(MEETING_MODES),
  place: place.nullable().default(null),
  videoLink: videoLinkInput.default(null),
  agenda: z.array(agendaItemInput).max(50).default([]),
  rsvpDeadline: dateTime.nullable().default(null).openapi({ description: "Default: the start" }),
  quorum: quorumRule.default({ kind: "majority" }),
};

export const meetingInput = z.strictObject(meetingFields).openapi("MeetingInput");

// A series has no RSVP deadline (each sitting closes at its start); the strict object refuses one. Left
// out rather than typed z.never(), which the OpenAPI generator cannot describe (/openapi.json failed).
const { rsvpDeadline: _noSeriesDeadline, ...seriesFields } = meetingFields;

export const seriesInput = z
  .strictObject({
    ...seriesFields,
    rrule: z.string().trim().min(5).max(300).openapi({
      example: "FREQ=MONTHLY;BYDAY=1TU;COUNT=6",
      description: "RFC 5545 RRULE (DAILY or coarser, with COUNT or UNTIL, at most 52 sittings)",
    }),
  })
  .openapi("MeetingSeriesInput");

export const rescheduleInput = z
  .strictObject({
    startsAt: dateTime,
    endsAt: dateTime,
    mode: z.enum(MEETING_MODES).optional(),
    place: place.nullable().optional(),
    videoLink: videoLinkInput.optional(),
    rsvpDeadline: dateTime.nullable().optional(),
    reason: text(500).optional(),
  })
  .openapi("RescheduleInput");

export const meetingPatch = z
  .strictObject({
    title: text(200),
    agenda: z.array(agendaItemInput).max(50),
    rsvpDeadline: dateTime.nullable(),
    quorum: quorumRule,
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, "nessun campo da modificare / nothing to change")
  .openapi("MeetingPatch", { minProperties: 1 });

export const cancelInput = z.strictObject({ reason: text(500).optional() }).openapi("CancelInput");

const agendaItem = z.object({
  id: z.string(),
  position: z.number().int(),
  title: z.string(),
  presenter: z.string().nullable(),
  attachments: z.array(z.object({ title: z.string(), url: z.string() })),
  confidential: z.boolean(),
  actionItems: z.array(actionItem).optional().openapi({
    description:
      'On the "Verifica azioni" item (id = the sitting\'s): the action items of earlier sittings it checks',
  }),
});

const quorumOutcome = z
  .object({
    rule: quorumRule,
    memberOrganisations: z.number().int(),
    representedOrganisations: z.number().int(),
    required: z.number().int(),
    reached: z.boolean(),
  })
  .openapi("QuorumOutcome");

export const meeting = z
  .object({
    id: z.string(),
    agreementId: z.string(),
    tableId: z.string(),
    tableName: z.string(),
    seriesId: z.string().nullable(),
    title: z.string(),
    startsAt: z.string().openapi({ description: "UTC" }),
    endsAt: z.string(),
    startsAtLocal: z.string().openapi({ example: "2027-03-02T10:00:00+01:00", description: "Europe/Rome" }),
    endsAtLocal: z.string(),
    timeZone: z.literal("Europe/Rome"),
    mode: z.enum(MEETING_MODES),
    place: z.object({ address: z.string(), room: z.string().nullable() }).nullable(),
    videoLink: z
      .object({ url: z.string(), provider: z.string(), generated: z.boolean() })
      .nullable()
      .openapi({ description: "Only for the people convened and the organisers" }),
    videoLinkHidden: z.boolean().openapi({ description: "True when a link exists but is not shown to you" }),
    agenda: z.array(agendaItem),
    hiddenAgendaItems: z.number().int().openapi({ description: "Confidential items not shown to you" }),
    rsvpDeadline: z.string(),
    quorum: quorumRule,
    status: z.enum(["convened", "cancelled"]),
    sequence: z.number().int(),
    cancellation: z.object({ at: z.string(), reason: z.string().nullable() }).nullable(),
    register: z
      .object({
        closedAt: z.string(),
        closedBy: z.string(),
        attendees: z.number().int(),
        quorum: quorumOutcome,
      })
      .nullable(),
    checkInCode: z.string().nullable().openapi({ description: "Only for coordinators and admins" }),
    viewer: z.object({
      convened: z.boolean(),
      organiser: z.boolean().openapi({ description: "Coordinator of the table or agreement admin" }),
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Meeting");

export const rsvpCounts = z
  .object({
    convened: z.number().int(),
    presenza: z.number().int(),
    remoto: z.number().int(),
    assente: z.number().int(),
    delega: z.number().int(),
    pending: z.number().int(),
  })
  .openapi("RsvpCounts");

export const meetingDetail = meeting
  .extend({
    rsvp: z.object({
      counts: rsvpCounts,
      mine: z
        .object({ answer: z.string(), delegateId: z.string().nullable(), answeredAt: z.string() })
        .nullable(),
    }),
  })
  .openapi("MeetingDetail");

const tags = ["Meetings"];
const writeErrors = errorsFor(400, 401, 403, 404, 409);

export const conveneRoute = createRoute({
  method: "post",
  path: "/tables/{id}/meetings",
  tags,
  summary: "Convene a sitting of the table (coordinator or agreement admin)",
  description:
    "Emits `meeting.convened` with the people convened. Online and hybrid sittings need a video link: `{ generate: true }` makes a Jitsi room, `{ url }` takes a Teams, Meet, Zoom, Webex or Jitsi link.",
  security: authenticated,
  request: { params: idParam, body: jsonBody(meetingInput) },
  responses: { 201: { description: "Convened", ...jsonContent(meetingDetail) }, ...writeErrors },
});

export const conveneSeriesRoute = createRoute({
  method: "post",
  path: "/tables/{id}/meeting-series",
  tags,
  summary: "Convene recurring sittings from an RRULE (coordinator or agreement admin)",
  security: authenticated,
  request: { params: idParam, body: jsonBody(seriesInput) },
  responses: {
    201: {
      description: "The concrete sittings created",
      ...jsonContent(z.object({ seriesId: z.string(), items: z.array(meeting) }).openapi("MeetingSeries")),
    },
    ...writeErrors,
  },
});

export const tableCalendarRoute = createRoute({
  method: "get",
  path: "/tables/{id}/meetings",
  tags,
  summary: "The table's calendar (logged-in people)",
  security: authenticated,
  request: {
    params: idParam,
    query: z.object({
      from: dateTime.optional().openapi({ description: "Default: 30 days ago" }),
      to: dateTime.optional().openapi({ description: "Default: one year after `from`" }),
    }),
  },
  responses: {
    200: { description: "Sittings, soonest first", ...jsonContent(z.object({ items: z.array(meeting) })) },
    ...errorsFor(400, 401, 404),
  },
});

export const myMeetingsRoute = createRoute({
  method: "get",
  path: "/people/me/meetings",
  tags,
  summary: "My upcoming sittings on all my tables, with my answer",
  security: authenticated,
  request: {
    query: z.object({
      from: dateTime.optional().openapi({ description: "Default: now" }),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: {
    200: {
      description: "Sittings, soonest first",
      ...jsonContent(
        z.object({
          items: z.array(
            meeting.extend({
              myRsvp: z
                .object({ answer: z.string(), delegateId: z.string().nullable(), answeredAt: z.string() })
                .nullable(),
            }),
          ),
        }),
      ),
    },
    ...errorsFor(400, 401),
  },
});

export const getMeetingRoute = createRoute({
  method: "get",
  path: "/meetings/{id}",
  tags,
  summary: "A sitting with its agenda, RSVP counts and my answer",
  security: authenticated,
  request: { params: idParam },
  responses: {
    200: { description: "The sitting", ...jsonContent(meetingDetail) },
    ...errorsFor(400, 401, 404),
  },
});

export const updateMeetingRoute = createRoute({
  method: "patch",
  path: "/meetings/{id}",
  tags,
  summary: "Change title, agenda, RSVP deadline or quorum rule (organisers)",
  security: authenticated,
  request: { params: idParam, body: jsonBody(meetingPatch) },
  responses: { 200: { description: "Updated", ...jsonContent(meetingDetail) }, ...writeErrors },
});

export const rescheduleRoute = createRoute({
  method: "post",
  path: "/meetings/{id}/reschedule",
  tags,
  summary: "Move a sitting; everyone convened is notified (`meeting.rescheduled`)",
  security: authenticated,
  request: { params: idParam, body: jsonBody(rescheduleInput) },
  responses: { 200: { description: "Rescheduled", ...jsonContent(meetingDetail) }, ...writeErrors },
});

export const cancelRoute = createRoute({
  method: "post",
  path: "/meetings/{id}/cancel",
  tags,
  summary: "Cancel a sitting; it keeps its history and everyone convened is notified",
  security: authenticated,
  request: { params: idParam, body: jsonBody(cancelInput) },
  responses: { 200: { description: "Cancelled", ...jsonContent(meetingDetail) }, ...writeErrors },
});
