import type { ErrorEntry } from "../shared/errors.ts";

/** The error codes the reports feature refuses with (merged into shared/errors.ts's one catalogue). */
export const reportErrors = {
  report_period_invalid: {
    status: 400,
    it: "Periodo della relazione non valido: indicare preset=semestrale con year e half (1 o 2), preset=annuale con year, preset=sal, oppure from e to (AAAA-MM-GG).",
    en: "Invalid report period: give preset=semestrale with year and half (1 or 2), preset=annuale with year, preset=sal, or from and to (YYYY-MM-DD).",
  },
  report_section_unknown: {
    status: 400,
    it: "Sezione della relazione sconosciuta: per format=csv indicare section con il nome di una sezione.",
    en: "Unknown report section: with format=csv give section with the name of one section.",
  },
} as const satisfies Record<string, ErrorEntry>;
