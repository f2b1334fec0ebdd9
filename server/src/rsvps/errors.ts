import type { ErrorEntry } from "../shared/errors.ts";

/** The error codes the rsvps feature refuses with (merged into shared/errors.ts's one catalogue). */
export const rsvpErrors = {
  rsvp_closed: {
    status: 409,
    it: "Il termine per confermare la partecipazione è scaduto.",
    en: "The deadline to confirm attendance has passed.",
  },
  delegate_required: {
    status: 400,
    it: "Con la delega va indicata la persona delegata.",
    en: "A delegation needs the delegate person.",
  },
  delegate_invalid: {
    status: 400,
    it: "Non si può delegare sé stessi, né indicare un delegato senza delega.",
    en: "You cannot delegate to yourself, nor name a delegate without delegating.",
  },
  delegate_other_organisation: {
    status: 409,
    it: "Il delegato deve appartenere allo stesso ente.",
    en: "The delegate must belong to the same organisation.",
  },
} as const satisfies Record<string, ErrorEntry>;
