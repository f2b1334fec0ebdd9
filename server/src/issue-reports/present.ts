import type { IssueReportDoc } from "./documents.ts";
import { timeInStatus } from "./time-in-status.ts";

/** What a confidential report shows instead of its title to those outside its table (DOMAIN rule 10). */
export const REDACTED_TITLE = "Segnalazione riservata";

/** What the viewer may see beyond the report itself. */
export type ReportView = {
  /**
   * Referents of member organisations, coordinators and admins (and, for an escalated report, the
   * steering body's members): they see who raised, triaged, commented and follows it.
   */
  member: boolean;
  organisationName: string | null;
  /**
   * A confidential report seen by a steering body member outside its table: no title, description,
   * notes or comment texts, only its number, severity, states and times.
   */
  redacted?: boolean;
  /** For the time spent in the current status. */
  now: Date;
};

/** JSON view of a report; people's names only for the table's members (DOMAIN rule 11, privacy by default). */
export function presentIssueReport(doc: IssueReportDoc, view: ReportView) {
  const person = (id: IssueReportDoc["raisedById"], name: string) =>
    view.member ? { id: id.toHexString(), name } : null;
  return {
    id: doc._id.toHexString(),
    seq: doc.seq,
    tableId: doc.tableId.toHexString(),
    agreementId: doc.agreementId.toHexString(),
    organisationId: doc.organisationId.toHexString(),
    organisationName: view.organisationName,
    meetingId: doc.meetingId?.toHexString() ?? null,
    title: view.redacted ? REDACTED_TITLE : doc.title,
    description: view.redacted ? "" : doc.description,
    severity: doc.severity,
    confidential: doc.confidential,
    status: doc.status,
    raisedBy: person(doc.raisedById, doc.raisedByName),
    history: doc.history.map((h) => ({
      at: h.at.toISOString(),
      by: person(h.byId, h.byName),
      from: h.from,
      to: h.to,
      note: view.redacted ? null : h.note,
    })),
    serviceId: doc.serviceId?.toHexString() ?? null,
    escalation: doc.escalation
      ? {
          steeringTableId: doc.escalation.steeringTableId.toHexString(),
          at: doc.escalation.at.toISOString(),
          assignee:
            doc.escalation.assigneeId && doc.escalation.assigneeName !== null
              ? person(doc.escalation.assigneeId, doc.escalation.assigneeName)
              : null,
          assignedAt: doc.escalation.assignedAt?.toISOString() ?? null,
        }
      : null,
    comments: (doc.comments ?? []).map((comment) => ({
      id: comment._id.toHexString(),
      at: comment.at.toISOString(),
      by: person(comment.byId, comment.byName),
      text: view.redacted ? null : comment.text,
    })),
    timeInStatus: timeInStatus(doc, view.now),
    redacted: view.redacted === true,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

export type IssueReportView = ReturnType<typeof presentIssueReport>;

/** The report as an audit entry keeps it: without names, which stay in one place erasure can reach. */
export function auditedReport(doc: IssueReportDoc) {
  const { raisedByName: _name, history: _history, comments: _comments, escalation, ...rest } = doc;
  if (escalation) {
    const { assigneeName: _assignee, ...kept } = escalation;
    return { ...rest, escalation: kept };
  }
  return rest;
}

/** The payload fields every issue-report event carries; the title only when the report is not confidential. */
export function eventFields(doc: IssueReportDoc) {
  const ids = {
    issueReportId: doc._id.toHexString(),
    tableId: doc.tableId.toHexString(),
    organisationId: doc.organisationId.toHexString(),
    severity: doc.severity,
    seq: doc.seq,
  };
  return doc.confidential
    ? { ...ids, confidential: true as const }
    : { ...ids, confidential: false as const, title: doc.title };
}
