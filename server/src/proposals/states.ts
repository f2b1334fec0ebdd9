/** A proposal's life: drafted by the table, approved by its coordinators, addressed to the members (DOMAIN rule 7). */
export const PROPOSAL_STATUSES = ["bozza", "approvata", "indirizzata", "ritirata"] as const;

export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/**
 * Where a proposal may go from each status. `indirizzata` and `ritirata` are final: once addressed, a
 * proposal is each organisation's to adopt or not, and the table cannot take it back from them.
 */
export const PROPOSAL_TRANSITIONS: Record<ProposalStatus, readonly ProposalStatus[]> = {
  bozza: ["approvata", "ritirata"],
  approvata: ["indirizzata", "ritirata"],
  indirizzata: [],
  ritirata: [],
};

/** What an addressed organisation answers: still weighing it, adopted it by an act, or not. */
export const ADOPTION_STATES = ["in_valutazione", "adottata", "non_adottata"] as const;

export type AdoptionState = (typeof ADOPTION_STATES)[number];

/** The acts by which an Italian local body adopts a proposal. */
export const ACT_KINDS = [
  "delibera_di_giunta",
  "delibera_di_consiglio",
  "determina",
  "decreto",
  "altro",
] as const;

export type ActKind = (typeof ACT_KINDS)[number];
