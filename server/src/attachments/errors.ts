import type { ErrorEntry } from "../shared/errors.ts";

/** The error codes the attachments feature refuses with (merged into shared/errors.ts's one catalogue). */
export const attachmentErrors = {
  file_too_large: {
    status: 413,
    it: "Il file è troppo grande.",
    en: "The file is too large.",
  },
  unsupported_file_type: {
    status: 415,
    it: "Tipo di file non ammesso: sono accettati JPEG, PNG, WebP e PDF.",
    en: "File type not allowed: JPEG, PNG, WebP and PDF are accepted.",
  },
} as const satisfies Record<string, ErrorEntry>;
