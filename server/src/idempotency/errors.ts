import type { ErrorEntry } from "../shared/errors.ts";

/** The error codes the idempotency feature refuses with (merged into shared/errors.ts's one catalogue). */
export const idempotencyErrors = {
  invalid_idempotency_key: {
    status: 400,
    it: "Intestazione Idempotency-Key non valida: da 1 a 255 caratteri ASCII visibili.",
    en: "Invalid Idempotency-Key header: 1 to 255 visible ASCII characters.",
  },
  idempotency_key_reused: {
    status: 422,
    it: "Questa Idempotency-Key è già stata usata per una richiesta diversa.",
    en: "This Idempotency-Key was already used for a different request.",
  },
  idempotency_key_in_progress: {
    status: 409,
    it: "Una richiesta con la stessa Idempotency-Key è ancora in corso: riprovare tra poco.",
    en: "A request with the same Idempotency-Key is still in progress: try again shortly.",
  },
} as const satisfies Record<string, ErrorEntry>;
