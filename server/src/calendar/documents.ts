import type { Db, ObjectId } from "mongodb";

/** A person's calendar subscription: the token is in the feed URL and stored only hashed. */
export type CalendarFeedDoc = {
  _id: ObjectId;
  personId: ObjectId;
  tokenHash: string;
  createdAt: Date;
  revokedAt: Date | null;
};

/** Typed handles on the collections the calendar feature owns; the only place their names are spelled. */
export function calendarCollections(db: Db) {
  return {
    calendarFeeds: db.collection<CalendarFeedDoc>("calendarFeeds"),
  };
}
