import type { Db, ObjectId } from "mongodb";

/**
 * One change record: the audit entry (who, what, when, before/after) and, when the change is a domain
 * fact, its event (`type` + `payload`) in the same document, so one insert stores both or neither.
 * Events are the records with a `type`; `payload` never carries confidential text or names.
 */
export type AuditDoc = {
  /** Time-ordered across instances (to the second) and strictly increasing within one process. */
  _id: ObjectId;
  at: Date;
  actorId: ObjectId | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: ObjectId;
  agreementId: ObjectId | null;
  before: unknown;
  after: unknown;
  /** The record's stream, `<entity>:<entityId>` (e.g. one meeting, one answer). */
  stream: string;
  /** 1, 2, 3… per stream with no gaps, in the order the records were stored (unique with `stream`). */
  seq: number;
  /** Domain event type, e.g. `rsvp.answered`; null for changes that are only audited (sessions, tokens). */
  type: string | null;
  payload: Record<string, unknown> | null;
  /**
   * Fan-out marker of records that carry an event, stored in the same insert: `pending` until the
   * dispatcher has made one delivery per interested subscriber, then `done`. Absent on records without
   * an event and on those stored before the dispatcher existed (never replayed).
   */
  dispatch?: "pending" | "done";
};

/** Typed handles on the collections the audit feature owns; the only place their names are spelled. */
export function auditCollections(db: Db) {
  return {
    /** Audit entries with their domain events (see `AuditDoc`); written only by `recordChange`. */
    audit: db.collection<AuditDoc>("auditLog"),
  };
}
