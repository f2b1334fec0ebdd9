import type { Db, ObjectId } from "mongodb";

export type IssueSeverity = "bassa" | "media" | "alta";

export type IssueStatus = "aperta" | "in_esame" | "inoltrata" | "risolta" | "respinta";

/** A critical issue (segnalazione) raised by a referent for their organisation, triaged by the table (DOMAIN rule 8). */
export type IssueReportDoc = {
  /** Bumped by each revision-guarded change (shared/guarded-change.ts); absent = 0. */
  revision?: number;
  _id: ObjectId;
  tableId: ObjectId;
  agreementId: ObjectId;
  organisationId: ObjectId;
  meetingId: ObjectId | null;
  /** Per-table number shown as #3; unique with tableId. */
  seq: number;
  title: string;
  description: string;
  severity: IssueSeverity;
  /** riservato: never in event payloads, mail, feeds or to non-members (DOMAIN rule 10). */
  confidential: boolean;
  status: IssueStatus;
  history: {
    at: Date;
    byId: ObjectId;
    byName: string;
    from: IssueStatus;
    to: IssueStatus;
    note: string | null;
  }[];
  raisedById: ObjectId;
  raisedByName: string;
  /** The shared service it affects (services/), a service of the same agreement; absent on older reports. */
  serviceId?: ObjectId | null;
  /** Set when it goes `inoltrata`: the agreement's steering body it was escalated to (DOMAIN rule 8). */
  escalation?: EscalationDoc | null;
  /** The thread on an escalated report, kept (never edited or deleted). */
  comments?: CommentDoc[];
  createdAt: Date;
  updatedAt: Date;
  /** `<raisedById>:<Idempotency-Key>` when raised with one (unique where set): a repeat finds this one. */
  idempotencyKey?: string;
};

/** Where and when a report was escalated, and who of the steering body follows it. */
export type EscalationDoc = {
  steeringTableId: ObjectId;
  at: Date;
  byId: ObjectId;
  assigneeId: ObjectId | null;
  assigneeName: string | null;
  assignedAt: Date | null;
};

export type CommentDoc = {
  _id: ObjectId;
  at: Date;
  byId: ObjectId;
  byName: string;
  text: string;
  /** `<byId>:<Idempotency-Key>` when posted with one: a repeat finds this comment instead of adding another. */
  idempotencyKey?: string;
};

/** Typed handles on the collections the issue-reports feature owns; the only place their names are spelled. */
export function issueReportCollections(db: Db) {
  return {
    issueReports: db.collection<IssueReportDoc>("issueReports"),
  };
}
