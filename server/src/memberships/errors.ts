import type { ErrorEntry } from "../shared/errors.ts";

/** The error codes the memberships feature refuses with (merged into shared/errors.ts's one catalogue). */
export const membershipErrors = {
  already_member: {
    status: 409,
    it: "L'ente ha già aderito (o ha una domanda in corso) a questo accordo.",
    en: "The organisation is already a member (or has a pending application).",
  },
  not_a_member: {
    status: 409,
    it: "L'ente non è membro di questo accordo.",
    en: "The organisation is not a member of this agreement.",
  },
  withdrawal_pending: {
    status: 409,
    it: "Il recesso dell'ente è già stato comunicato.",
    en: "The organisation's withdrawal has already been notified.",
  },
} as const satisfies Record<string, ErrorEntry>;
