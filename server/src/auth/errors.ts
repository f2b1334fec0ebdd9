import type { ErrorEntry } from "../shared/errors.ts";

/** The error codes the auth feature refuses with (merged into shared/errors.ts's one catalogue). */
export const authErrors = {
  csrf_failed: {
    status: 403,
    it: "Token CSRF mancante o non valido: ricaricare la pagina.",
    en: "Missing or invalid CSRF token: reload the page.",
  },
  cross_site_request: {
    status: 403,
    it: "Richiesta proveniente da un altro sito: aprire il link di accesso direttamente dall'email.",
    en: "Request from another site: open the login link straight from the e-mail.",
  },
  link_invalid: {
    status: 400,
    it: "Il link di accesso non è valido, è scaduto o è già stato usato. Richiederne uno nuovo.",
    en: "The login link is invalid, expired or already used. Request a new one.",
  },
  rate_limited: {
    status: 429,
    it: "Troppe richieste: riprovare tra qualche minuto.",
    en: "Too many requests: try again in a few minutes.",
  },
} as const satisfies Record<string, ErrorEntry>;
