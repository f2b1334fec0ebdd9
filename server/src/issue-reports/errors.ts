import type { ErrorEntry } from "../shared/errors.ts";

/** The error codes the issue-reports feature refuses with (merged into shared/errors.ts's one catalogue). */
export const issueReportErrors = {
  issue_report_transition_invalid: {
    status: 409,
    it: "Passaggio di stato non consentito per la segnalazione (ad esempio da aperta a risolta senza esame).",
    en: "Status change not allowed for the issue report (e.g. from open to resolved without review).",
  },
} as const satisfies Record<string, ErrorEntry>;
