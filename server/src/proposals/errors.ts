import type { ErrorEntry } from "../shared/errors.ts";

/** The error codes the proposals feature refuses with (merged into shared/errors.ts's one catalogue). */
export const proposalErrors = {
  proposal_transition_invalid: {
    status: 409,
    it: "Passaggio di stato non consentito per la proposta (ad esempio indirizzarla prima di approvarla).",
    en: "Status change not allowed for the proposal (e.g. addressing it before it is approved).",
  },
  proposal_not_draft: {
    status: 409,
    it: "La proposta si può modificare solo finché è in bozza.",
    en: "The proposal can be edited only while it is a draft.",
  },
  proposal_coordinators_only: {
    status: 403,
    it: "Solo chi coordina il tavolo (o amministra l'accordo) redige e approva le proposte.",
    en: "Only the table's coordinators (or the agreement's admins) draft and approve proposals.",
  },
  proposal_decision_unknown: {
    status: 409,
    it: "Il verbale della seduta non registra una decisione con quel numero.",
    en: "The sitting's minutes record no decision with that number.",
  },
  proposal_no_addressees: {
    status: 409,
    it: "Nessun ente a cui indirizzare la proposta.",
    en: "No organisation to address the proposal to.",
  },
  proposal_confidential_outside_table: {
    status: 409,
    it: "Una proposta riservata si può indirizzare solo agli enti che siedono al tavolo.",
    en: "A confidential proposal can be addressed only to organisations sitting on the table.",
  },
  proposal_not_addressed_to_organisation: {
    status: 409,
    it: "La proposta non è indirizzata a questo ente.",
    en: "The proposal is not addressed to this organisation.",
  },
  adoption_act_required: {
    status: 400,
    it: "Per registrare l'adozione serve l'atto: tipo, numero e data.",
    en: "Recording an adoption needs the act: kind, number and date.",
  },
} as const satisfies Record<string, ErrorEntry>;
