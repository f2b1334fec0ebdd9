import { createRoute, z } from "@hono/zod-openapi";
import { rsvpCounts } from "../meetings/contracts.ts";
import { authenticated, errorsFor, jsonBody, jsonContent } from "../shared/openapi.ts";
import { idParam, objectId } from "../shared/schemas.ts";

export const RSVP_ANSWERS = ["presenza", "remoto", "assente", "delega"] as const;

const answer = z.enum(RSVP_ANSWERS).openapi({
  description:
    "presenza: in person; remoto: by audio-video link; assente: not attending; delega: sends a delegate",
});

/** Path of one person's answer: the meeting and the person, or `me`. */
export const rsvpParams = z.object({
  // both parsed with parseId() so a bad id gets the `invalid_id` code
  id: z.string().openapi({ param: { name: "id", in: "path" }, example: "6650f1c2a1b2c3d4e5f60718" }),
  personId: z.string().openapi({
    param: { name: "personId", in: "path" },
    example: "me",
    description: "The person answered for (ObjectId), or `me`",
  }),
});

export const rsvpInput = z
  .strictObject({
    answer,
    delegateId: objectId.nullable().optional().openapi({
      description: "With `delega` only: a person of the same organisation, convened for this sitting only",
    }),
  })
  .openapi("RsvpInput");

export const rsvpResult = z
  .object({
    meetingId: z.string(),
    personId: z.string(),
    organisationId: z.string().nullable().openapi({ description: "Null for a coordinator without one" }),
    answer,
    delegateId: z.string().nullable(),
    answeredBy: z.string(),
    answeredAt: z.string(),
    counts: rsvpCounts,
  })
  .openapi("RsvpResult");

const answerTally = z.object({
  presenza: z.number().int(),
  remoto: z.number().int(),
  assente: z.number().int(),
  delega: z.number().int(),
  pending: z.number().int(),
});

export const meetingRsvps = z
  .object({
    counts: rsvpCounts,
    people: z.array(
      z.object({
        personId: z.string(),
        name: z.string().nullable(),
        organisationId: z.string().nullable(),
        organisationName: z.string().nullable(),
        role: z.enum(["referent", "delegate", "coordinator"]),
        answer: answer.nullable(),
        delegateId: z.string().nullable(),
        delegateName: z.string().nullable(),
        answeredAt: z.string().nullable(),
      }),
    ),
    organisations: z.array(
      z.object({
        organisationId: z.string(),
        name: z.string().nullable(),
        represented: z
          .boolean()
          .openapi({ description: "Someone of it (delegates included) answered presenza or remoto" }),
        expected: z.number().int().openapi({ description: "Its people convened to the sitting" }),
        answers: answerTally,
      }),
    ),
  })
  .openapi("MeetingRsvps");

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

export const delegateCandidatesResult = z
  .object({
    items: z.array(z.object({ personId: z.string(), name: z.string() })),
  })
  .openapi("DelegateCandidates");

export const delegateCandidatesRoute = createRoute({
  method: "get",
  path: "/meetings/{id}/delegate-candidates",
  tags,
  summary: "Whom I may name with `delega` for this sitting: my organisation's colleagues, by name",
  description:
    "For a referent convened to the sitting, a referent of an organisation convened to it, or an installation " +
    "admin (who may answer for anyone convened; then every such organisation's): the people the " +
    "organisation has designated (now or before), the caller excepted, erased people left out; the same set " +
    "`PUT /meetings/{id}/rsvps/{personId}` accepts as `delegateId`. Anyone else: 403.",
  security: authenticated,
  request: { params: idParam },
  responses: {
    200: { description: "The candidates", ...jsonContent(delegateCandidatesResult) },
    ...errorsFor(400, 401, 403, 404),
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
