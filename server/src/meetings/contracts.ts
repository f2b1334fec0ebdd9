import { createRoute, z } from "@hono/zod-openapi";
import { authenticated, errorsFor, jsonBody, jsonContent } from "../shared/openapi.ts";
import { idParam } from "../shared/schemas.ts";
import {
  cancelInput,
  dateTime,
  meeting,
  meetingDetail,
  meetingInput,
  meetingPatch,
  rescheduleInput,
  seriesInput,
} from "./schema.ts";

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
