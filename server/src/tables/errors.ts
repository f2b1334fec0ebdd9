import type { ErrorEntry } from "../shared/errors.ts";

/** The error codes the tables feature refuses with (merged into shared/errors.ts's one catalogue). */
export const tableErrors = {
  table_not_open_to_organisation: {
    status: 409,
    it: "Il tavolo è riservato ai soggetti fondatori: l'ente non ne fa parte.",
    en: "The table is restricted to founding parties: the organisation does not sit on it.",
  },
  organisation_not_on_table: {
    status: 409,
    it: "L'ente non siede a questo tavolo.",
    en: "The organisation does not sit on this table.",
  },
} as const satisfies Record<string, ErrorEntry>;
