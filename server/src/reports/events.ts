import { defineEvents, hexId, isoDate, z } from "../shared/event-schema.ts";

/** The events the reports feature records (merged into the catalogue, `server/src/events.ts`). */
export const reportEvents = defineEvents({
  /** Ids, preset, period and counts only: never a section's content. */
  "report.issued": z.strictObject({
    reportId: hexId(),
    agreementId: hexId(),
    tableId: hexId().nullable(),
    preset: z.enum(["semestrale", "annuale", "sal", "personalizzato"]),
    from: isoDate(),
    to: isoDate(),
    sections: z.number(),
  }),
});
