import type { ErrorEntry } from "../shared/errors.ts";

/** The error codes the attendance feature refuses with (merged into shared/errors.ts's one catalogue). */
export const attendanceErrors = {
  check_in_code_invalid: {
    status: 400,
    it: "Codice di registrazione errato.",
    en: "Wrong check-in code.",
  },
  check_in_closed: {
    status: 409,
    it: "La registrazione è possibile solo durante la riunione (da 30 minuti prima dell'inizio fino alla fine).",
    en: "Check-in is open only during the meeting (from 30 minutes before the start until the end).",
  },
  register_closed: {
    status: 409,
    it: "Il registro presenze è già stato chiuso.",
    en: "The attendance register has already been closed.",
  },
  register_not_open: {
    status: 409,
    it: "Il registro presenze non è ancora aperto: si compila da 30 minuti prima dell'inizio e si chiude dall'inizio della riunione.",
    en: "The attendance register is not open yet: it can be filled in from 30 minutes before the start and closed from the start.",
  },
} as const satisfies Record<string, ErrorEntry>;
