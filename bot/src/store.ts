import type { Installation } from "@slack/bolt";
import type { Db, ObjectId } from "mongodb";

/** A convocation posted to a channel, so answers and changes can edit it (`chat.update`). */
export type SlackMessageDoc = {
  _id: ObjectId;
  meetingId: ObjectId;
  teamId: string;
  channelId: string;
  ts: string;
  postedAt: Date;
};

/**
 * A reminder already posted to one Slack account: Slack has no idempotency key, so a retried attempt
 * of the same occurrence (`key`) finds it and does not post twice. Kept until a day after the sitting.
 */
export type SlackReminderPostDoc = {
  _id: ObjectId;
  key: string;
  teamId: string;
  userId: string;
  channelId: string;
  ts: string;
  postedAt: Date;
  expiresAt: Date;
};

/**
 * A notice message already posted (bot/src/notify/once.ts), so a repeated delivery of its event does not
 * post it again; `_id` is the key `<event id>:<what>:<where>` (its uniqueness is the `_id` index's).
 */
export type SlackSentDoc = { _id: string; sentAt: Date };

/** A pending one-time identity link: only the token's hash is stored. */
export type SlackLinkTokenDoc = {
  _id: ObjectId;
  tokenHash: string;
  teamId: string;
  userId: string;
  locale: string | null;
  expiresAt: Date;
};

/** One workspace's installation (multi-workspace OAuth); `_id` is the team or enterprise id. */
export type SlackInstallationDoc = {
  _id: string;
  installation: Installation<"v1" | "v2", boolean>;
  installedAt: Date;
};

/** An accepted request to /slack/events, remembered until it can no longer be replayed or retried. */
export type SlackRequestDoc = {
  _id: ObjectId;
  /** The `x-slack-signature` header (it covers the timestamp and the body). */
  signature: string;
  /** sha256 of the raw body; null once released after a failure, so a retry runs again. */
  bodyHash: string | null;
  expiresAt: Date;
};

/**
 * The bot's own collections: Slack-only state, apart from the domain's. Who is linked to whom (accounts,
 * table channels) is the server's chat feature.
 */
export function slackCollections(db: Db) {
  return {
    messages: db.collection<SlackMessageDoc>("slackMessages"),
    linkTokens: db.collection<SlackLinkTokenDoc>("slackLinkTokens"),
    installations: db.collection<SlackInstallationDoc>("slackInstallations"),
    requests: db.collection<SlackRequestDoc>("slackRequests"),
    reminderPosts: db.collection<SlackReminderPostDoc>("slackReminderPosts"),
    sent: db.collection<SlackSentDoc>("slackSent"),
  };
}

export type SlackCollections = ReturnType<typeof slackCollections>;

/** Unique keys that make concurrent links and posts safe without transactions. */
export async function ensureSlackIndexes(db: Db): Promise<void> {
  const c = slackCollections(db);
  await Promise.all([
    c.messages.createIndex({ meetingId: 1, teamId: 1, channelId: 1 }, { unique: true }),
    c.linkTokens.createIndex({ tokenHash: 1 }, { unique: true }),
    // A replayed request carries a signature already stored: the insert is refused.
    c.requests.createIndex({ signature: 1 }, { unique: true }),
    c.requests.createIndex({ bodyHash: 1 }),
    c.requests.createIndex({ expiresAt: 1 }),
    // One read per attempt finds every account the occurrence already reached (`key` leads).
    c.reminderPosts.createIndex({ key: 1, teamId: 1, userId: 1 }, { unique: true }),
    c.reminderPosts.createIndex({ expiresAt: 1 }),
  ]);
}
