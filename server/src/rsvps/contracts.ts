import { createRoute } from "@hono/zod-openapi";
import { authenticated, errorsFor, jsonBody, jsonContent } from "../shared/openapi.ts";
import { idParam } from "../shared/schemas.ts";
import { meetingRsvps, rsvpInput, rsvpParams, rsvpResult } from "./schema.ts";

const tags = ["RSVP"];

export const answerRoute = createRoute({
  method: "put",
  path: "/meetings/{id}/rsvps/{personId}",
  tags,
  summary: "Answer for a person convened: presenza, remoto, assente or delega (until the RSVP deadline)",
  description:
    "The person themself, a referent of the organisation they represent at the sitting, or an installation admin. " +
    "`delega` names a person of the same organisation, who becomes convened for this sitting only. " +
    "Returns the stored answer with the sitting's fresh counts. Emits `rsvp.answered`, and " +
    "`meeting.delegate_named` when a new delegate is named.",
  security: authenticated,
  request: { params: rsvpParams, body: jsonBody(rsvpInput) },
  responses: {
    200: { description: "The stored answer", ...jsonContent(rsvpResult) },
    ...errorsFor(400, 401, 403, 404, 409),
  },
});

export const listRoute = createRoute({
  method: "get",
  path: "/meetings/{id}/rsvps",
  tags,
  summary: "Who answered what, and which organisations are represented (the table's members)",
  description:
    "For the people convened, the organisers and the referents of organisations sitting on the table.",
  security: authenticated,
  request: { params: idParam },
  responses: {
    200: { description: "Answers by person and by organisation", ...jsonContent(meetingRsvps) },
    ...errorsFor(400, 401, 403, 404),
  },
});
