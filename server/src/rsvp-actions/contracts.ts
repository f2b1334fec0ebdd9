import { createRoute, z } from "@hono/zod-openapi";
import { rsvpResult } from "../rsvps/contracts.ts";
import { errorsFor, jsonBody, jsonContent } from "../shared/openapi.ts";
import { errorBody } from "../shared/schemas.ts";

export const actionInput = z
  .strictObject({
    token: z.string().min(1).max(200).openapi({ description: "An `actions[].token` of a push reminder" }),
  })
  .openapi("RsvpActionInput");

export const actionRoute = createRoute({
  method: "post",
  path: "/rsvp-actions",
  tags: ["RSVP"],
  summary: "Answer from a push notification's button (the token is the credential: no login, no CSRF)",
  description:
    'A reminder push offers `actions` (`presenza` "Partecipo", `remoto` "Da remoto") while the person may ' +
    "still answer, each with a token for that person, sitting and answer until the RSVP deadline. Posting " +
    "it answers as `PUT /meetings/{id}/rsvps/me` would, audited as the person's own answer from a push action. " +
    "A token answers once: posting it again returns the first answer (`Idempotent-Replayed: true`). " +
    "401 `invalid_action_token` (forged, altered, unknown), 410 `action_token_expired`; the sitting's own " +
    "refusals (`rsvp_closed`, `meeting_cancelled`, …) as for the RSVP. Rate limited per client IP like login links.",
  request: { body: jsonBody(actionInput) },
  responses: {
    200: { description: "The stored answer", ...jsonContent(rsvpResult) },
    ...errorsFor(400, 401, 403, 404, 409, 429),
    410: { description: "The token's deadline has passed", ...jsonContent(errorBody) },
  },
});
