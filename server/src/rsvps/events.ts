import { defineEvents, hexId, z } from "../shared/event-schema.ts";

const answer = z.enum(["presenza", "remoto", "assente", "delega"]);

/** The events the rsvps feature records (merged into the catalogue, `server/src/events.ts`). */
export const rsvpEvents = defineEvents({
  "rsvp.answered": z.strictObject({
    meetingId: hexId(),
    tableId: hexId(),
    personId: hexId(),
    organisationId: hexId().nullable(),
    answer,
    delegateId: hexId().nullable(),
    previousAnswer: answer.nullable(),
  }),
  /** So notifiers can invite the person sent in a referent's place (`byPersonId`) to one sitting. */
  "meeting.delegate_named": z.strictObject({
    meetingId: hexId(),
    tableId: hexId(),
    delegateId: hexId(),
    organisationId: hexId().nullable(),
    byPersonId: hexId(),
  }),
});
