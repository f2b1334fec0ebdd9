import type { ContributionDoc } from "./documents.ts";

/** JSON view of a contribution (pass only contributions the viewer may see). */
export function presentContribution(doc: ContributionDoc, organisationName: string | null) {
  return {
    id: doc._id.toHexString(),
    tableId: doc.tableId.toHexString(),
    agreementId: doc.agreementId.toHexString(),
    organisationId: doc.organisationId.toHexString(),
    organisationName,
    meetingId: doc.meetingId?.toHexString() ?? null,
    kind: doc.kind,
    title: doc.title,
    description: doc.description,
    url: doc.url,
    confidential: doc.confidential,
    licence: doc.licence ?? null,
    source: doc.source,
    authorId: doc.authorId.toHexString(),
    authorName: doc.authorName,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    withdrawnAt: doc.withdrawnAt?.toISOString() ?? null,
  };
}
