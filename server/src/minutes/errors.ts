import type { ErrorEntry } from "../shared/errors.ts";

/** The error codes the minutes feature refuses with (merged into shared/errors.ts's one catalogue). */
export const minutesErrors = {
  minutes_too_early: {
    status: 409,
    it: "Il verbale si può redigere solo dall'inizio della riunione.",
    en: "Minutes can be drafted only once the meeting has started.",
  },
  minutes_approved: {
    status: 409,
    it: "Il verbale è già stato approvato e non si può più modificare.",
    en: "The minutes have been approved and can no longer be changed.",
  },
  minutes_version_conflict: {
    status: 409,
    it: "Il verbale è stato modificato nel frattempo: ricaricarlo e riapplicare le modifiche.",
    en: "The minutes were changed in the meantime: reload them and apply your changes again.",
  },
  minutes_already_in_review: {
    status: 409,
    it: "Il verbale è già in revisione.",
    en: "The minutes are already under review.",
  },
  minutes_not_in_review: {
    status: 409,
    it: "Il verbale va messo in revisione prima di essere approvato.",
    en: "The minutes must be put under review before they can be approved.",
  },
  minutes_not_shared: {
    status: 403,
    it: "Il verbale non è ancora condiviso: in bozza lo vedono solo i coordinatori, in revisione solo i partecipanti del tavolo.",
    en: "The minutes are not shared yet: drafts are for the coordinators only, minutes under review for the table's participants only.",
  },
  minutes_item_unknown: {
    status: 400,
    it: "Il punto indicato non è all'ordine del giorno di questa riunione.",
    en: "The item given is not on this meeting's agenda.",
  },
} as const satisfies Record<string, ErrorEntry>;
