import { defineEvents, hexId, isoInstant, z } from "../shared/event-schema.ts";

/** The fields of a sitting a change names in `changes` (meetings/change.ts `diff`). */
export const CHANGED_FIELDS = [
  "title",
  "startsAt",
  "endsAt",
  "mode",
  "place",
  "rsvpDeadline",
  "quorum",
  "videoLink",
  "agenda",
] as const;

/**
 * Values a notice may repeat: the sitting's title, times, mode, place, deadline and quorum rule as they
 * were and are; the video link only as "changed" (it is a credential of sorts) and the agenda only as
 * the number of items, never its text, which may be confidential (DOMAIN rule 10).
 */
const changes = z.partialRecord(z.enum(CHANGED_FIELDS), z.object({ from: z.unknown(), to: z.unknown() }));

/**
 * A change of a sitting, told to everyone convened before or after it. `sequence` is the iCalendar
 * SEQUENCE after the change; `reason` is the organiser's, given when moving or calling off a sitting
 * (never on `meeting.updated`).
 */
const change = z.strictObject({
  meetingId: hexId(),
  tableId: hexId(),
  sequence: z.number(),
  changes,
  convenedPersonIds: z.array(hexId()),
  reason: z.string().nullable().optional(),
});

/** The events the meetings feature records (merged into the catalogue, `server/src/events.ts`). */
export const meetingEvents = defineEvents({
  "meeting.convened": z.strictObject({
    meetingId: hexId(),
    tableId: hexId(),
    seriesId: hexId().nullable(),
    startsAt: isoInstant(),
    endsAt: isoInstant(),
    convenedPersonIds: z.array(hexId()),
  }),
  "meeting.rescheduled": change,
  "meeting.updated": change,
  "meeting.cancelled": change,
});
