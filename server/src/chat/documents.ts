import type { Db, ObjectId } from "mongodb";

/** A chat (Slack) account linked to a Tavoli person, by verified e-mail or by a one-time link. */
export type ChatAccountDoc = {
  _id: ObjectId;
  teamId: string;
  userId: string;
  personId: ObjectId;
  /** The chat's locale for the user (e.g. "it-IT"), which picks the bot's language. */
  locale: string | null;
  linkedBy: "email" | "link";
  linkedAt: Date;
};

/** A table's channel in a workspace, set by one of its organisers. */
export type TableChannelDoc = {
  _id: ObjectId;
  teamId: string;
  channelId: string;
  tableId: ObjectId;
  linkedById: ObjectId;
  linkedAt: Date;
};

/**
 * The feature's collections. Their names predate the feature (they were the bot's) and stay, so
 * existing installations keep their links.
 */
export function chatCollections(db: Db) {
  return {
    accounts: db.collection<ChatAccountDoc>("slackUsers"),
    channels: db.collection<TableChannelDoc>("slackChannels"),
  };
}

/** Unique keys that make concurrent links safe without transactions. */
export async function ensureChatIndexes(db: Db): Promise<void> {
  const c = chatCollections(db);
  await Promise.all([
    c.accounts.createIndex({ teamId: 1, userId: 1 }, { unique: true }),
    c.accounts.createIndex({ personId: 1 }),
    c.channels.createIndex({ teamId: 1, channelId: 1 }, { unique: true }),
    c.channels.createIndex({ tableId: 1 }),
  ]);
}
