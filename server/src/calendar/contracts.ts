import { createRoute, z } from "@hono/zod-openapi";
import { authenticated, errorsFor, jsonContent } from "../shared/openapi.ts";
import { idParam } from "../shared/schemas.ts";

const tags = ["Calendar"];

const icsContent = {
  content: {
    "text/calendar": {
      schema: z.string().openapi({ description: "iCalendar (RFC 5545), UTF-8, times in Europe/Rome" }),
    },
  },
};

export const inviteRoute = createRoute({
  method: "get",
  path: "/meetings/{id}/invite.ics",
  tags,
  summary: "The sitting as an iCalendar invitation to add to a calendar (logged-in people)",
  description:
    "METHOD:REQUEST, or CANCEL once the sitting is cancelled; UID is stable and SEQUENCE rises with every change, so importing again updates the entry. The video link is included only for the people convened and the organisers; confidential agenda items never are (only counted).",
  security: authenticated,
  request: { params: idParam },
  responses: {
    200: { description: "The .ics file (attachment)", ...icsContent },
    ...errorsFor(400, 401, 404),
  },
});

const feedCreated = z
  .object({
    url: z.url().openapi({ description: "Subscription URL: shown only now, keep it private" }),
    createdAt: z.string(),
  })
  .openapi("CalendarFeedCreated");

const feedStatus = z
  .object({ active: z.boolean(), createdAt: z.string().nullable() })
  .openapi("CalendarFeedStatus");

export const createFeedRoute = createRoute({
  method: "post",
  path: "/people/me/calendar-feed",
  tags,
  summary: "Create my calendar subscription URL (replaces and revokes the previous one)",
  description:
    "The URL carries an unguessable token (only its hash is stored): anyone holding it sees my sittings with their video links, so it is shown once. Asking again revokes the old URL.",
  security: authenticated,
  responses: { 201: { description: "Created", ...jsonContent(feedCreated) }, ...errorsFor(401, 409) },
});

export const feedStatusRoute = createRoute({
  method: "get",
  path: "/people/me/calendar-feed",
  tags,
  summary: "Whether I have a live calendar subscription (never its URL)",
  security: authenticated,
  responses: { 200: { description: "Status", ...jsonContent(feedStatus) }, ...errorsFor(401) },
});

export const revokeFeedRoute = createRoute({
  method: "delete",
  path: "/people/me/calendar-feed",
  tags,
  summary: "Revoke my calendar subscription URL",
  security: authenticated,
  responses: { 204: { description: "Revoked (or there was none)" }, ...errorsFor(401, 409) },
});

export const feedRoute = createRoute({
  method: "get",
  path: "/calendar/feeds/{token}",
  tags,
  summary: "A person's calendar subscription (no login: the token in the URL is the credential)",
  description:
    "METHOD:PUBLISH: the person's sittings from 90 days ago to a year ahead on every table where they are convened, cancelled ones with STATUS:CANCELLED, video links included, confidential agenda items never. A trailing `.ics` is accepted. A revoked or unknown token is 404.",
  request: {
    params: z.object({
      token: z
        .string()
        .max(200)
        .openapi({ param: { name: "token", in: "path" }, description: "The token, optionally with `.ics`" }),
    }),
  },
  responses: { 200: { description: "The calendar", ...icsContent }, ...errorsFor(404) },
});
