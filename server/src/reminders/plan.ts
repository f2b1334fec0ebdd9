import type { ObjectId } from "mongodb";
import type { MeetingDoc } from "../meetings/index.ts";
import type { RsvpAnswer } from "../rsvps/index.ts";
import type { ReminderChannelName, ReminderKind, ReminderOccurrenceDoc } from "./documents.ts";
import type { ReminderPreferences } from "./queries.ts";
import { outsideQuietHours } from "./quiet-hours.ts";

/** What identifies an occurrence: the fields of its unique index. */
export type OccurrenceKey = Pick<
  ReminderOccurrenceDoc,
  "meetingId" | "personId" | "kind" | "leadMinutes" | "channel" | "meetingSequence"
>;

/** A wanted occurrence and when it is due. */
export type PlannedOccurrence = OccurrenceKey & { scheduledFor: Date };

/** The confirm reminder goes out on the eve of the RSVP deadline (the start, when none is set). */
export const CONFIRM_BEFORE_DEADLINE_MS = 24 * 3600_000;

const CHANNEL_ORDER: readonly ReminderChannelName[] = ["push", "slack", "email"];

/** The key as one string: for lookups, and the idempotency key a channel gets. */
export function keyOf(o: OccurrenceKey): string {
  return [
    o.meetingId.toHexString(),
    o.personId.toHexString(),
    o.kind,
    o.leadMinutes ?? "-",
    o.channel,
    o.meetingSequence,
  ].join(":");
}

/** The channels a person turned on, most immediate first. */
export function enabledChannels(preferences: ReminderPreferences): ReminderChannelName[] {
  return CHANNEL_ORDER.filter((name) => preferences.channels[name]);
}

/** The one channel a confirm notice goes on; the sender falls back from it. */
export function primaryChannel(preferences: ReminderPreferences): ReminderChannelName | null {
  return enabledChannels(preferences)[0] ?? null;
}

/**
 * Every reminder wanted for a sitting still on, due or not: for each person convened and not paused,
 * each lead time on each channel they turned on — except the shortest ("starting soon") for someone who
 * answered `assente` — and one `confirm` on the eve of the deadline for someone who has not answered;
 * each moved out of the person's quiet hours. The planner creates only those still ahead; those already
 * due stay wanted (a pending one is kept).
 */
export function wantedOccurrences(
  meeting: MeetingDoc,
  people: { personId: ObjectId; preferences: ReminderPreferences; answer: RsvpAnswer | null }[],
  now: Date,
  /** The table's own lead times, for people who keep the tables' ones (null: the product's). */
  tableLeadMinutes: readonly number[] | null = null,
): PlannedOccurrence[] {
  const wanted: PlannedOccurrence[] = [];
  const base = { meetingId: meeting._id, meetingSequence: meeting.sequence };
  const deadline = meeting.rsvpDeadline ?? meeting.startsAt;
  for (const { personId, preferences, answer } of people) {
    if (preferences.paused) continue;
    const channels = enabledChannels(preferences);
    const leads = preferences.ownLeadMinutes
      ? preferences.leadMinutes
      : (tableLeadMinutes ?? preferences.leadMinutes);
    const shortest = Math.min(...leads);
    const quiet = (at: Date, by: Date) => outsideQuietHours(at, preferences.quietHours, by, now);
    for (const leadMinutes of leads) {
      if (answer === "assente" && leadMinutes === shortest) continue;
      const scheduledFor = quiet(
        new Date(meeting.startsAt.getTime() - leadMinutes * 60_000),
        meeting.startsAt,
      );
      for (const channel of channels)
        wanted.push({ ...base, personId, kind: "before", leadMinutes, channel, scheduledFor });
    }
    const primary = primaryChannel(preferences);
    if (answer === null && primary)
      wanted.push({
        ...base,
        personId,
        kind: "confirm" satisfies ReminderKind,
        leadMinutes: null,
        channel: primary,
        scheduledFor: quiet(new Date(deadline.getTime() - CONFIRM_BEFORE_DEADLINE_MS), deadline),
      });
  }
  return wanted;
}
