import { defineEvents, hexId, isoDate, z } from "../shared/event-schema.ts";

/**
 * A change of a tracked action item: ids, status and dates only, never what it says (it may concern a
 * confidential agenda item, DOMAIN rule 10) nor a cancellation's reason.
 */
const actionItem = z.strictObject({
  actionItemId: hexId(),
  minutesId: hexId(),
  meetingId: hexId(),
  tableId: hexId(),
  ownerPersonId: hexId().nullable(),
  ownerOrganisationId: hexId().nullable(),
  status: z.enum(["aperta", "completata", "annullata"]),
  due: isoDate().nullable(),
  doneOn: isoDate().nullable(),
});

/** The events the action-items feature records (merged into the catalogue, `server/src/events.ts`). */
export const actionItemEvents = defineEvents({
  "action_item.tracked": actionItem,
  "action_item.completed": actionItem,
  "action_item.cancelled": actionItem,
  "action_item.reopened": actionItem,
});
