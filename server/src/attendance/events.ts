import { defineEvents, hexId, z } from "../shared/event-schema.ts";

const row = {
  meetingId: hexId(),
  tableId: hexId(),
  personId: hexId(),
  organisationId: hexId().nullable(),
};
const mode = z.enum(["presenza", "remoto"]);

const quorumRule = z.union([
  z.strictObject({ kind: z.literal("none") }),
  z.strictObject({ kind: z.literal("majority") }),
  z.strictObject({ kind: z.literal("fixed"), organisations: z.number() }),
]);

/** The events the attendance feature records (merged into the catalogue, `server/src/events.ts`). */
export const attendanceEvents = defineEvents({
  "attendance.checked_in": z.strictObject({ ...row, mode }),
  "attendance.recorded": z.strictObject({
    ...row,
    mode,
    arrivedLate: z.boolean(),
    leftEarly: z.boolean(),
    source: z.enum(["coordinator", "check_in"]),
  }),
  "attendance.removed": z.strictObject(row),
  /** Counts and the quorum reached, never who attended. */
  "meeting.register_closed": z.strictObject({
    meetingId: hexId(),
    tableId: hexId(),
    attendees: z.number(),
    quorum: z.strictObject({
      rule: quorumRule,
      memberOrganisations: z.number(),
      representedOrganisations: z.number(),
      required: z.number(),
      reached: z.boolean(),
    }),
  }),
});
