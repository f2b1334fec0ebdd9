import type { ObjectId } from "mongodb";

/**
 * What a reminder says, and all a channel gets to say it with. `title` is the sitting's headline and
 * `tableName` the table's: never agenda text, which may be confidential (DOMAIN rule 10) and would
 * otherwise reach lock screens, Slack previews and mail subjects.
 */
export type ReminderMessage = {
  kind: "before" | "confirm" | "cancelled";
  meetingId: string;
  title: string;
  tableName: string;
  startsAt: Date;
  /** Minutes before the start for `before`; null otherwise. */
  leadMinutes: number | null;
  /** The sitting's page. */
  url: string;
  /** The person may still answer (deadline not passed) and has not answered yet: the text asks them to. */
  rsvpOpen: boolean;
  /** Until when the person may answer (the RSVP deadline) when they still may, whatever they answered; else null. */
  answerableUntil?: Date | null;
  lang: "it" | "en";
};

/**
 * How one send went: `delivered` (confirmed taken), `retry` (not confirmed: try again later, after
 * `retryAfterMs` when known), `failed` (refused for good), `unreachable` (the person cannot be reached on
 * this channel: no subscription, no linked account, no address). The sender falls back on the last two.
 */
export type ChannelOutcome = {
  status: "delivered" | "retry" | "failed" | "unreachable";
  retryAfterMs?: number;
  detail?: string;
};

/**
 * A way of reaching a person. `key` identifies the occurrence (stable across retries), for channels
 * that can deduplicate on it; `firstAttempt` says nothing was ever tried under it (no earlier claim,
 * however it ended), so there is nothing to look up. Never throws for what the far side does: it
 * answers an outcome.
 */
export type ReminderChannel = {
  name: "push" | "slack" | "email";
  send(input: {
    personId: ObjectId;
    message: ReminderMessage;
    key: string;
    firstAttempt: boolean;
  }): Promise<ChannelOutcome>;
};
