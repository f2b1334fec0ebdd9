import type { ErrorEntry } from "../shared/errors.ts";

/** The error codes the issue-reports feature refuses with (merged into shared/errors.ts's one catalogue). */
export const issueReportErrors = {
  issue_report_transition_invalid: {
    status: 409,
    it: "Passaggio di stato non consentito per la segnalazione (ad esempio da aperta a risolta senza esame).",
    en: "Status change not allowed for the issue report (e.g. from open to resolved without review).",
  },
  no_steering_body: {
    status: 409,
    it: "L'accordo non ha un organo di indirizzo (cabina di regia, comitato guida o assemblea) a cui inoltrare la segnalazione.",
    en: "The agreement has no steering body (cabina di regia, steering committee or assembly) to escalate the report to.",
  },
  escalation_to_same_table: {
    status: 409,
    it: "La segnalazione è già dell'organo di indirizzo: può essere risolta o respinta, non inoltrata a sé stesso.",
    en: "The report already belongs to the steering body: it can be resolved or rejected, not escalated to itself.",
  },
  issue_report_not_escalated: {
    status: 409,
    it: "La segnalazione non è stata inoltrata all'organo di indirizzo (o è già chiusa).",
    en: "The report has not been escalated to the steering body (or is already closed).",
  },
  assignee_not_in_steering_body: {
    status: 409,
    it: "La persona indicata non fa parte dell'organo di indirizzo (coordinatori o referenti designati).",
    en: "The person named is not part of the steering body (coordinators or designated referents).",
  },
} as const satisfies Record<string, ErrorEntry>;
