import type { ErrorEntry } from "../shared/errors.ts";

/** The error codes the dispatch feature refuses with (merged into shared/errors.ts's one catalogue). */
export const dispatchErrors = {
  delivery_not_dead: {
    status: 409,
    it: "Si può riprovare solo una consegna abbandonata (dead).",
    en: "Only a dead delivery can be retried.",
  },
} as const satisfies Record<string, ErrorEntry>;
