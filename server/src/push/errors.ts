import type { ErrorEntry } from "../shared/errors.ts";

/** The error codes the push feature refuses with (merged into shared/errors.ts's one catalogue). */
export const pushErrors = {
  push_endpoint_invalid: {
    status: 400,
    it: "L'indirizzo della sottoscrizione push deve essere l'URL https del servizio push del browser.",
    en: "The push subscription's endpoint must be the https URL of the browser's push service.",
  },
  push_keys_invalid: {
    status: 400,
    it: "Le chiavi della sottoscrizione push non sono valide: p256dh è un punto P-256 non compresso (65 byte) e auth un segreto di 16 byte, entrambi in base64url.",
    en: "The push subscription's keys are invalid: p256dh is an uncompressed P-256 point (65 bytes) and auth a 16-byte secret, both base64url.",
  },
} as const satisfies Record<string, ErrorEntry>;
