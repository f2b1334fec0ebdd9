import type { IssueReportDoc } from "./documents.ts";

/** What the viewer may see beyond the report itself. */
export type ReportView = {
  /** Referents of member organisations, coordinators and admins: they see who raised and who triaged. */
  member: boolean;
  organisationName: string | null;
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
    title: doc.title,
    description: doc.description,
    severity: doc.severity,
    confidential: doc.confidential,
    status: doc.status,
    raisedBy: person(doc.raisedById, doc.raisedByName),
    history: doc.history.map((h) => ({
      at: h.at.toISOString(),
      by: person(h.byId, h.byName),
      from: h.from,
      to: h.to,
      note: h.note,
    })),
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

export type IssueReportView = ReturnType<typeof presentIssueReport>;

/** The report as an audit entry keeps it: without names, which stay in one place erasure can reach. */
export function auditedReport(doc: IssueReportDoc) {
  const { raisedByName: _name, history: _history, ...rest } = doc;
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
