import type { Installation } from "@slack/bolt";
import type { Db, ObjectId } from "mongodb";

/** A Slack user linked to a Tavoli person (by verified e-mail or by a one-time link). */
export type SlackUserDoc = {
  _id: ObjectId;
  teamId: string;
  userId: string;
  personId: ObjectId;
  /** Slack's locale for the user (e.g. "it-IT"), which picks the bot's language. */
  locale: string | null;
  linkedBy: "email" | "link";
  linkedAt: Date;
};

/** A table's channel in a workspace, set by a coordinator with `/tavoli collega`. */
export type SlackChannelDoc = {
  _id: ObjectId;
  teamId: string;
  channelId: string;
  tableId: ObjectId;
  linkedById: ObjectId;
  linkedAt: Date;
};

/** A convocation posted to a channel, so answers and changes can edit it (`chat.update`). */
export type SlackMessageDoc = {
  _id: ObjectId;
  meetingId: ObjectId;
  teamId: string;
  channelId: string;
  ts: string;
  postedAt: Date;
};

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

/** The bot's own collections: Slack-only state, apart from the domain's. */
export function slackCollections(db: Db) {
  return {
    users: db.collection<SlackUserDoc>("slackUsers"),
    channels: db.collection<SlackChannelDoc>("slackChannels"),
    messages: db.collection<SlackMessageDoc>("slackMessages"),
    linkTokens: db.collection<SlackLinkTokenDoc>("slackLinkTokens"),
    installations: db.collection<SlackInstallationDoc>("slackInstallations"),
    requests: db.collection<SlackRequestDoc>("slackRequests"),
  };
}

export type SlackCollections = ReturnType<typeof slackCollections>;

/** Erasure (DOMAIN rule 11): no Slack account stays linked to the person, so the bot no longer knows them. */
export async function unlinkSlackUsers(db: Db, personId: ObjectId): Promise<void> {
  await slackCollections(db).users.deleteMany({ personId });
}

/** Unique keys that make concurrent links and posts safe without transactions. */
export async function ensureSlackIndexes(db: Db): Promise<void> {
  const c = slackCollections(db);
  await Promise.all([
    c.users.createIndex({ teamId: 1, userId: 1 }, { unique: true }),
    c.users.createIndex({ personId: 1 }),
    c.channels.createIndex({ teamId: 1, channelId: 1 }, { unique: true }),
    c.channels.createIndex({ tableId: 1 }),
    c.messages.createIndex({ meetingId: 1, teamId: 1, channelId: 1 }, { unique: true }),
    c.linkTokens.createIndex({ tokenHash: 1 }, { unique: true }),
    // A replayed request carries a signature already stored: the insert is refused.
    c.requests.createIndex({ signature: 1 }, { unique: true }),
    c.requests.createIndex({ bodyHash: 1 }),
    c.requests.createIndex({ expiresAt: 1 }),
  ]);
}
