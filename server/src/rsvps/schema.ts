import { z } from "@hono/zod-openapi";
import { rsvpCounts } from "../meetings/schema.ts";
import { objectId } from "../shared/schemas.ts";

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
