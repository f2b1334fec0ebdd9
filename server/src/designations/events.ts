import { defineEvents, hexId, isoDate, z } from "../shared/event-schema.ts";

const designation = z.strictObject({
  designationId: hexId(),
  tableId: hexId(),
  organisationId: hexId(),
  personId: hexId(),
  kind: z.enum(["standing", "single_meeting"]),
  from: isoDate(),
  to: isoDate().nullable(),
});

/** The events the designations feature records (merged into the catalogue, `server/src/events.ts`). */
export const designationEvents = defineEvents({
  "referent.designated": designation,
  "referent.designation_ended": designation,
  "referent.substituted": z.strictObject({
    tableId: hexId(),
    organisationId: hexId(),
    previousPersonId: hexId(),
    newPersonId: hexId(),
    /** The new referent's first day. */
    from: isoDate(),
    previousDesignationId: hexId(),
    designationId: hexId(),
  }),
});
