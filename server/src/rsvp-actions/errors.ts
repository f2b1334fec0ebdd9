import type { ErrorEntry } from "../shared/errors.ts";

/** The error codes the rsvp-actions feature refuses with (merged into shared/errors.ts's one catalogue). */
export const rsvpActionErrors = {
  invalid_action_token: {
    status: 401,
    it: "Il link di risposta non è valido: apri la riunione in Tavoli per rispondere.",
    en: "The answer link is not valid: open the meeting in Tavoli to answer.",
  },
  action_token_expired: {
    status: 410,
    it: "Il link di risposta è scaduto: il termine per rispondere è passato.",
    en: "The answer link has expired: the deadline to answer has passed.",
  },
} as const satisfies Record<string, ErrorEntry>;
