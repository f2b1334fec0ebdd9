import { defineEvents, hexId, isoDate, z } from "../shared/event-schema.ts";

const status = z.enum(["attivo", "in_attivazione", "dismesso"]);
const base = { serviceId: hexId(), agreementId: hexId(), providerId: hexId() };

/** The events the services feature records (merged into the catalogue, `server/src/events.ts`). */
export const serviceEvents = defineEvents({
  "service.created": z.strictObject({ ...base, status, subscribers: z.number() }),
  /** Which fields changed, by name, and the status before and after. */
  "service.updated": z.strictObject({ ...base, fields: z.array(z.string()), from: status, to: status }),
  "service.subscribed": z.strictObject({ ...base, organisationId: hexId(), subscribers: z.number() }),
  "service.unsubscribed": z.strictObject({ ...base, organisationId: hexId(), subscribers: z.number() }),
  /** A measurement for a period, with whether it meets the availability target. */
  "service.availability_recorded": z.strictObject({
    ...base,
    from: isoDate(),
    to: isoDate(),
    measuredPercent: z.number(),
    met: z.boolean(),
  }),
});
