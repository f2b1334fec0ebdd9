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
    it: "Tipo di file non ammesso (riconosciuto dal contenuto): sono accettati JPEG, PNG, WebP e PDF, e per i contributi anche CSV, TSV, JSON, XML, ODS, ODT, XLSX e DOCX.",
    en: "File type not allowed (recognised by its content): JPEG, PNG, WebP and PDF are accepted, and for contributions CSV, TSV, JSON, XML, ODS, ODT, XLSX and DOCX too.",
  },
  file_extension_mismatch: {
    status: 415,
    it: "L'estensione del nome del file non corrisponde al suo contenuto (ad esempio un .pdf che contiene un'immagine PNG).",
    en: "The file name's extension does not match its content (e.g. a .pdf holding a PNG image).",
  },
} as const satisfies Record<string, ErrorEntry>;
