import type { ErrorEntry } from "../shared/errors.ts";

/** The error codes the contributions feature refuses with (merged into shared/errors.ts's one catalogue). */
export const contributionErrors = {
  contribution_url_required: {
    status: 400,
    it: "Serve il collegamento (http o https) al documento, dataset, buona pratica o soluzione; solo un commento può farne a meno.",
    en: "A link (http or https) to the document, dataset, good practice or solution is required; only a comment can do without.",
  },
  contribution_url_invalid: {
    status: 400,
    it: "Il collegamento deve essere un indirizzo web che inizia con http:// o https://.",
    en: "The link must be a web address starting with http:// or https://.",
  },
  contribution_withdrawn: {
    status: 409,
    it: "Il contributo è già stato ritirato.",
    en: "The contribution has already been withdrawn.",
  },
} as const satisfies Record<string, ErrorEntry>;
