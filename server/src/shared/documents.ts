import type { Db, ObjectId } from "mongodb";

export type OutboxMailDoc = {
  _id: ObjectId;
  to: string;
  subject: string;
  text: string;
  html: string;
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
