import type { Db, ObjectId } from "mongodb";

/**
 * One notice mail that has left, so that a repeated delivery of its event does not send it again
 * (the dispatcher delivers at least once). `_id` is the key, `<subscriber>:<event id>:<person id>`: its
 * uniqueness is the `_id` index's, nothing else to create. Ids only, never an address or a name.
 */
export type SentMailDoc = {
  _id: string;
  subscriber: string;
  eventId: ObjectId;
  personId: ObjectId;
  sentAt: Date;
};

/** Typed handles on the collections the notifications feature owns; the only place their names are spelled. */
export function notificationCollections(db: Db) {
  return {
    /** Notice mails already sent, per event and person (notifications/sent-mails.ts). */
    sentMails: db.collection<SentMailDoc>("sentMails"),
  };
}
