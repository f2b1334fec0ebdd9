import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  type ICalCalendar,
  ICalCalendarMethod,
  ICalEventStatus,
} from "ical-generator";
import type { Lang } from "../http/env.ts";
import type { MeetingDoc } from "../meetings/documents.ts";
import { inRome, ZONE } from "../meetings/local-time.ts";
import type { TableDoc } from "../tables/documents.ts";
import { meetingDetails, meetingLocation, meetingSummary } from "./describe.ts";

export type IcsMethod = "REQUEST" | "CANCEL" | "PUBLISH";

/** What every calendar object needs besides the sittings. */
export type IcsContext = {
  lang: Lang;
  publicUrl: string;
  /** config.mailFrom, e.g. `Tavoli <noreply@tavoli.example.it>`: the address written as ORGANIZER. */
  mailFrom: string;
  /** DTSTAMP: when this object was produced. */
  now: Date;
};

export type IcsOptions = IcsContext & {
  method: IcsMethod;
  /** The video link, only for the people convened and the organisers. */
  showLink: boolean;
  /** The recipient of an invitation, so their client can show it as theirs. */
  attendees?: { name: string; email: string }[];
};

/** The iCalendar UID of a sitting: the same for every SEQUENCE, so clients update instead of duplicating. */
export function meetingUid(meeting: MeetingDoc): string {
  return `${meeting._id.toHexString()}@tavoli`;
}

/** The address in `Name <address>` (or the bare address). */
function mailAddress(mailFrom: string): string {
  return (/<([^>]+)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom).trim();
}

function newCalendar(method: IcsMethod, name?: string): ICalCalendar {
  return ical({
    prodId: { company: "Tavoli", product: "Tavoli", language: "IT" },
    method: ICalCalendarMethod[method],
    // The VTIMEZONE is generated for the events' TZID. The calendar's own zone name stays unset on
    // purpose: with one, ical-generator writes DTSTAMP/CREATED without the Z that RFC 5545 requires.
    timezone: { name: null, generator: getVtimezoneComponent },
    ...(name ? { name } : {}),
  });
}

function addMeeting(calendar: ICalCalendar, meeting: MeetingDoc, table: TableDoc, options: IcsOptions) {
  const cancelled = options.method === "CANCEL" || meeting.status === "cancelled";
  const details = {
    lang: options.lang,
    showLink: options.showLink,
    publicUrl: options.publicUrl,
    now: options.now,
  };
  const event = calendar.createEvent({
    id: meetingUid(meeting),
    sequence: meeting.sequence,
    stamp: options.now,
    created: meeting.createdAt,
    lastModified: meeting.updatedAt,
    // Luxon times in Rome: a plain Date would be written in the UTC clock beside TZID=Europe/Rome.
    start: inRome(meeting.startsAt),
    end: inRome(meeting.endsAt),
    timezone: ZONE,
    summary: meetingSummary(meeting, table),
    location: meetingLocation(meeting, details),
    description: meetingDetails(meeting, table, details).join("\n"),
    url: options.showLink ? (meeting.videoLink?.url ?? null) : null,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: "Tavoli", email: mailAddress(options.mailFrom) },
  });
  for (const attendee of options.attendees ?? []) {
    event.createAttendee({
      ...attendee,
      role: ICalAttendeeRole.REQ,
      // Answers go to Tavoli's no-reply address: the RSVP is given in Tavoli, so clients should not ask.
      rsvp: false,
      status: ICalAttendeeStatus.NEEDSACTION,
    });
  }
}

/**
 * One sitting as an iCalendar object: an invitation (REQUEST), its withdrawal (CANCEL) or a download.
 * Confidential agenda items are never in it, whoever asks: invitations get forwarded.
 */
export function buildMeetingIcs(meeting: MeetingDoc, table: TableDoc, options: IcsOptions): string {
  const calendar = newCalendar(options.method);
  addMeeting(calendar, meeting, table, options);
  return calendar.toString();
}

/** A person's subscribed calendar (METHOD:PUBLISH): their sittings, cancelled ones marked CANCELLED. */
export function buildFeedIcs(
  entries: { meeting: MeetingDoc; table: TableDoc }[],
  options: IcsContext & { name: string },
): string {
  const calendar = newCalendar("PUBLISH", options.name);
  // Calendar apps poll subscriptions on their own schedule; this is the hint they read.
  calendar.ttl(3600);
  for (const { meeting, table } of entries)
    addMeeting(calendar, meeting, table, { ...options, method: "PUBLISH", showLink: true });
  return calendar.toString();
}
