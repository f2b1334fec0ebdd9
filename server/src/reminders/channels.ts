import type { ObjectId } from "mongodb";

/** What a reminder says; never confidential text: only the sitting's title and table name. */
export type ReminderMessage = {
  kind: "before" | "confirm" | "cancelled";
  meetingId: string;
  title: string;
  tableName: string;
  startsAt: Date;
  leadMinutes: number | null;
  url: string;
  rsvpOpen: boolean;
  lang: "it" | "en";
};

/** How one attempt went: `unreachable` when the person has no address on this channel. */
export type ChannelOutcome = {
  status: "delivered" | "retry" | "failed" | "unreachable";
  retryAfterMs?: number;
  detail?: string;
};

/** A way to reach a person; `key` identifies the occurrence (the same key twice is the same reminder). */
export type ReminderChannel = {
  name: "push" | "slack" | "email";
  send(input: { personId: ObjectId; message: ReminderMessage; key: string }): Promise<ChannelOutcome>;
};
