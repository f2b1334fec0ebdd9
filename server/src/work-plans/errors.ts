import type { ErrorEntry } from "../shared/errors.ts";

/** The error codes the work-plans feature refuses with (merged into shared/errors.ts's one catalogue). */
export const workPlanErrors = {
  work_plan_frozen: {
    status: 409,
    it: "Il piano di lavoro presentato alla cabina di regia non si modifica: crearne una nuova versione.",
    en: "A work plan presented to the steering body cannot be changed: create a new version.",
  },
  work_plan_transition_invalid: {
    status: 409,
    it: "Passaggio di stato non consentito per il piano di lavoro.",
    en: "State change not allowed for the work plan.",
  },
  work_plan_draft_exists: {
    status: 409,
    it: "Esiste già una bozza del piano di lavoro: modificare quella.",
    en: "A draft of the work plan already exists: edit that one.",
  },
  work_plan_missing: {
    status: 409,
    it: "Non c'è ancora un piano di lavoro da cui partire.",
    en: "There is no work plan to start from yet.",
  },
  work_plan_empty: {
    status: 409,
    it: "Un piano di lavoro senza attività non si presenta.",
    en: "A work plan without activities cannot be presented.",
  },
  work_plan_not_in_force: {
    status: 409,
    it: "L'avanzamento si registra solo sul piano di lavoro approvato e in vigore.",
    en: "Progress is recorded only on the approved work plan in force.",
  },
  work_plan_owner_not_member: {
    status: 400,
    it: "L'ente responsabile dell'attività non aderisce all'accordo.",
    en: "The activity's owner organisation is not a member of the agreement.",
  },
} as const satisfies Record<string, ErrorEntry>;
