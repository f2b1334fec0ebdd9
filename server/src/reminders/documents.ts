import type { Db, ObjectId } from "mongodb";
import type { QuietHours } from "./quiet-hours.ts";

/** One person's reminder preferences; `_id` is the person's id. Absent until they change the defaults. */
export type ReminderPreferencesDoc = {
  /** Bumped by each revision-guarded change (shared/guarded-change.ts); absent = 0. */
  revision?: number;
  _id: ObjectId;
  /** Minutes before a sitting, ascending and unique, 5 to 10080, at most four. */
  leadMinutes: number[];
  /** False: the tables' lead times apply (absent in documents from before: true). */
  ownLeadMinutes?: boolean;
  channels: { email: boolean; slack: boolean; push: boolean };
  /** "Non disturbare": no reminders while true. */
  paused: boolean;
  /** No reminder goes out in these Rome hours (absent in documents stored before they existed). */
  quietHours?: QuietHours | null;
  updatedAt: Date;
};

export type ReminderKind = "before" | "confirm" | "cancelled";
export type ReminderChannelName = "push" | "slack" | "email";
/**
 * `pending` → `sending` (claimed, leased) → `sent` | `failed` (given up) | back to `pending` (retry).
 * `dropped`: the sitting was moved, called off or had started; `skipped`: no longer wanted (answer
 * `assente`, preferences changed, no longer convened) — the planner may make a skipped one pending again.
 */
export type OccurrenceState = "pending" | "sending" | "sent" | "failed" | "dropped" | "skipped";

/**
 * One reminder to send: one person, one sitting at one iCalendar SEQUENCE, one lead time, one channel.
 * Unique on (meetingId, personId, kind, leadMinutes, channel, meetingSequence): planning twice, or on two
 * instances, stores it once, and the guarded claim sends it once.
 */
export type ReminderOccurrenceDoc = {
  _id: ObjectId;
  meetingId: ObjectId;
  personId: ObjectId;
  kind: ReminderKind;
  /** Minutes before the start for `before`; null for `confirm` and `cancelled`. */
  leadMinutes: number | null;
  channel: ReminderChannelName;
  meetingSequence: number;
  /** When it was planned for (never moved). */
  scheduledFor: Date;
  /** When it may next be claimed: `scheduledFor`, later after a retry. */
  dueAt: Date;
  state: OccurrenceState;
  attempts: number;
  owner: string | null;
  /** Stamped by the claim of the batch it is being sent in; the outcome is written only under it. */
  claim?: ObjectId | null;
  leaseUntil: Date | null;
  /** Why it was dropped, skipped or failed. */
  reason: string | null;
  /** The channel that delivered it (a push may have fallen back to e-mail). */
  sentVia: ReminderChannelName | null;
  sentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * One attempt on one channel (append-only), apart from the occurrence so that a person's history pages
 * newest first by `_id` and every fallback attempt keeps its own status, error and latency.
 */
export type ReminderDeliveryDoc = {
  _id: ObjectId;
  occurrenceId: ObjectId;
  /** The occurrence's key, as given to the channel (an idempotency key for it). */
  key: string;
  personId: ObjectId;
  meetingId: ObjectId;
  kind: ReminderKind;
  leadMinutes: number | null;
  channel: ReminderChannelName;
  status: "delivered" | "retry" | "failed" | "unreachable";
  error: string | null;
  latencyMs: number;
  /** What the message named (never confidential text): shown back to the person. */
  title: string;
  tableName: string;
  startsAt: Date;
  at: Date;
};

/** Typed handles on the collections the reminders feature owns; the only place their names are spelled. */
export function reminderCollections(db: Db) {
  return {
    reminderPreferences: db.collection<ReminderPreferencesDoc>("reminderPreferences"),
    reminderOccurrences: db.collection<ReminderOccurrenceDoc>("reminderOccurrences"),
    reminderDeliveries: db.collection<ReminderDeliveryDoc>("reminderDeliveries"),
  };
}
