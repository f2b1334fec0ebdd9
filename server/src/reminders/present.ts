import { describeLeadMinutes } from "./describe.ts";
import type { ReminderDeliveryDoc, ReminderOccurrenceDoc } from "./documents.ts";
import type { ReminderPreferences } from "./queries.ts";

/** JSON view of a person's reminder preferences, with the lead times in words. */
export function presentReminderPreferences(preferences: ReminderPreferences, lang: "it" | "en") {
  return {
    leadMinutes: preferences.leadMinutes,
    leadLabels: preferences.leadMinutes.map((minutes) => describeLeadMinutes(minutes, lang)),
    leadMinutesFrom: preferences.ownLeadMinutes ? ("person" as const) : ("tables" as const),
    channels: preferences.channels,
    paused: preferences.paused,
    quietHours: preferences.quietHours,
  };
}

/** JSON view of a reminder that reached its person. */
export function presentSentNotification(d: ReminderDeliveryDoc) {
  return {
    id: d._id.toHexString(),
    kind: d.kind,
    channel: d.channel,
    meetingId: d.meetingId.toHexString(),
    title: d.title,
    tableName: d.tableName,
    startsAt: d.startsAt.toISOString(),
    leadMinutes: d.leadMinutes,
    sentAt: d.at.toISOString(),
  };
}

/** JSON view of an occurrence, for installation admins. */
export function presentOccurrence(o: ReminderOccurrenceDoc) {
  return {
    id: o._id.toHexString(),
    meetingId: o.meetingId.toHexString(),
    personId: o.personId.toHexString(),
    kind: o.kind,
    leadMinutes: o.leadMinutes,
    channel: o.channel,
    meetingSequence: o.meetingSequence,
    state: o.state,
    scheduledFor: o.scheduledFor.toISOString(),
    dueAt: o.dueAt.toISOString(),
    attempts: o.attempts,
    reason: o.reason,
    sentVia: o.sentVia,
    sentAt: o.sentAt?.toISOString() ?? null,
  };
}
