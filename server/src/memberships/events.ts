import { defineEvents, hexId, isoDate, z } from "../shared/event-schema.ts";

/** Set when an admin recorded an act with an earlier date than the day of entry (shared/backdating.ts). */
const backdating = z.strictObject({ reason: z.string(), recordedOn: isoDate() }).nullable().optional();

/** The events the memberships feature records (merged into the catalogue, `server/src/events.ts`). */
export const membershipEvents = defineEvents({
  "organisation.adhesion_received": z.strictObject({
    organisationId: hexId(),
    receivedOn: isoDate(),
    operativeFrom: isoDate(),
  }),
  "organisation.withdrawal_notified": z.strictObject({
    organisationId: hexId(),
    noticeGivenOn: isoDate(),
    effectiveOn: isoDate(),
    reason: z.string().nullable(),
    backdating,
  }),
});
