import { adoptionRate } from "./adoption-rate.ts";
import type { AdoptionRecord, ProposalDoc } from "./documents.ts";

const presentRecord = (r: AdoptionRecord) => ({
  state: r.state,
  act: r.act,
  reason: r.reason,
  recordedAt: r.recordedAt.toISOString(),
});

/** JSON view of a proposal (pass only proposals the viewer may see), with the addressed organisations' names. */
export function presentProposal(doc: ProposalDoc, names: Map<string, string>) {
  return {
    id: doc._id.toHexString(),
    tableId: doc.tableId.toHexString(),
    agreementId: doc.agreementId.toHexString(),
    meetingId: doc.meetingId?.toHexString() ?? null,
    decisionIndex: doc.decisionIndex,
    title: doc.title,
    text: doc.text,
    confidential: doc.confidential,
    status: doc.status,
    history: doc.history.map((h) => ({ at: h.at.toISOString(), from: h.from, to: h.to })),
    addressedOn: doc.addressedOn,
    adoptions: doc.adoptions.map((a) => ({
      organisationId: a.organisationId.toHexString(),
      organisationName: names.get(a.organisationId.toHexString()) ?? null,
      ...presentRecord(a),
      history: a.history.map(presentRecord),
    })),
    adoption: adoptionRate(doc.adoptions.map((a) => a.state)),
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}
