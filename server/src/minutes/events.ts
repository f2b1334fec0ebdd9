import { defineEvents, hexId, z } from "../shared/event-schema.ts";

/**
 * A change of the minutes: ids, status and counts only, never summaries, decisions or action items
 * (DOMAIN rule 10: notifiers must not leak them). Circulated and approved minutes name everyone
 * convened, so notifiers know whom to tell.
 */
const minutes = z.strictObject({
  minutesId: hexId(),
  meetingId: hexId(),
  tableId: hexId(),
  status: z.enum(["bozza", "in_revisione", "approvato"]),
  version: z.number(),
  attendees: z.number(),
  items: z.number(),
  decisions: z.number(),
  actionItems: z.number(),
  convenedPersonIds: z.array(hexId()).optional(),
});

/** The events the minutes feature records (merged into the catalogue, `server/src/events.ts`). */
export const minutesEvents = defineEvents({
  "minutes.drafted": minutes,
  "minutes.circulated": minutes,
  "minutes.approved": minutes,
});
