import type { AttachmentContentType } from "./documents.ts";
import { EXTENSION } from "./file-type.ts";

const MAX_NAME = 150;
const graphemes = new Intl.Segmenter("it", { granularity: "grapheme" });

/**
 * A name safe to store and to offer as a download: no folders (`../`, `C:\`), no control or
 * bidirectional-override characters, none of `<>:"/\|?*` (refused by common file systems), no
 * leading dots (hidden files) or trailing dots and spaces, at most 150 characters keeping the
 * extension; "allegato.<ext>" when nothing is left.
 */
export function sanitiseFileName(raw: string, type: AttachmentContentType): string {
  const base = raw.normalize("NFC").split(/[/\\]/).pop() ?? "";
  const cleaned = base
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, "")
    .replace(/[<>:"|?*]/g, "_")
    .replace(/\s+/g, " ")
    .replace(/^[.\s]+|[.\s]+$/g, "");
  if (!cleaned) return `allegato.${EXTENSION[type]}`;
  const characters = Array.from(graphemes.segment(cleaned), (s) => s.segment);
  if (characters.length <= MAX_NAME) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 && cleaned.length - dot <= 6 ? cleaned.slice(dot) : "";
  return characters.slice(0, MAX_NAME - extension.length).join("") + extension;
}

/** `Content-Disposition` for a download: an ASCII fallback and the real name per RFC 6266 / 8187. */
export function contentDisposition(name: string): string {
  const fallback =
    name
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "_") || "allegato";
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
