import type { Db, ObjectId } from "mongodb";

export type OutboxMailDoc = {
  _id: ObjectId;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The invitation sent as the text/calendar part, when there was one (shared/mailer.ts keeps it). */
  icalEvent?: { method: "REQUEST" | "CANCEL" | "PUBLISH"; filename: string; content: string };
  createdAt: Date;
};

export type LockDoc = { _id: string; takenAt: Date; owner: string };

/** Typed handles on the collections the infrastructure shared modules own; the only place their names are spelled. */
export function sharedCollections(db: Db) {
  return {
    /** Mails kept for `/dev/outbox` when no SMTP server is configured (shared/mailer.ts). */
    outbox: db.collection<OutboxMailDoc>("devOutbox"),
    /** Short-lived named locks (shared/lock.ts). */
    locks: db.collection<LockDoc>("locks"),
  };
}
