import type { AgreementDoc } from "./documents.ts";

/** The public JSON view of an agreement. */
export function presentAgreement(doc: AgreementDoc) {
  return {
    id: doc._id.toHexString(),
    slug: doc.slug,
    title: doc.title,
    shortName: doc.shortName,
    kind: doc.kind,
    description: doc.description,
    signedOn: doc.signedOn,
    adhesionDelayDays: doc.adhesionDelayDays,
    withdrawalNotice: doc.withdrawalNotice,
    sourceRef: doc.sourceRef,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}
