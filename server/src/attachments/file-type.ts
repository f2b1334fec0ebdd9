import { unzipSync } from "fflate";
import type { AttachmentContentType } from "./documents.ts";

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);

const ascii = (text: string) => [...text].map((ch) => ch.charCodeAt(0));

/** The photos and documents every owner takes (issue reports take only these). */
export const IMAGE_AND_PDF_TYPES = ["image/jpeg", "image/png", "image/webp", "application/pdf"] as const;

/** What a contribution's file may also be: datasets and office documents in open (or common) formats. */
export const DATASET_AND_DOCUMENT_TYPES = [
  "text/csv",
  "text/tab-separated-values",
  "application/json",
  "application/xml",
  "application/vnd.oasis.opendocument.spreadsheet",
  "application/vnd.oasis.opendocument.text",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
] as const;

export const ALL_TYPES = [...IMAGE_AND_PDF_TYPES, ...DATASET_AND_DOCUMENT_TYPES] as const;

/**
 * The type the bytes say the file is, by their magic numbers and structure, or null for anything else:
 * the name and the type the browser declared are the sender's word, and a "photo.jpg" can be an HTML page.
 */
export function detectContentType(bytes: Uint8Array): AttachmentContentType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  if (startsWith(bytes, ascii("%PDF-"))) return "application/pdf";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipDocumentType(bytes);
  return textType(bytes);
}

const ODF: Record<string, AttachmentContentType> = {
  "application/vnd.oasis.opendocument.spreadsheet": "application/vnd.oasis.opendocument.spreadsheet",
  "application/vnd.oasis.opendocument.text": "application/vnd.oasis.opendocument.text",
};

/**
 * An OpenDocument file says what it is in its `mimetype` entry; an Office Open XML one has a
 * `[Content_Types].xml` and its parts under `xl/` (spreadsheet) or `word/` (text). Any other zip: null.
 */
function zipDocumentType(bytes: Uint8Array): AttachmentContentType | null {
  const names: string[] = [];
  let entries: Record<string, Uint8Array>;
  try {
    // Only the small `mimetype` entry is inflated; every other entry is only named.
    entries = unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return file.name === "mimetype" && file.originalSize < 200;
      },
    });
  } catch {
    return null;
  }
  const mimetype = entries.mimetype ? new TextDecoder().decode(entries.mimetype).trim() : null;
  if (mimetype) return ODF[mimetype] ?? null;
  if (!names.includes("[Content_Types].xml")) return null;
  if (names.some((n) => n.startsWith("xl/")))
    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  if (names.some((n) => n.startsWith("word/")))
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  return null;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * UTF-8 text without NUL: JSON when it parses as such, XML when it opens with a declaration or an element
 * (never HTML, which a browser would run), TSV when its first line is split by tabs, CSV otherwise.
 */
function textType(bytes: Uint8Array): AttachmentContentType | null {
  if (bytes.length === 0 || bytes.includes(0)) return null;
  let text: string;
  try {
    text = utf8.decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return null;
  }
  const start = text.trimStart();
  if (/^<(!doctype\s+html|html|head|body|script|svg)\b/i.test(start)) return null;
  if (start.startsWith("{") || start.startsWith("[")) {
    try {
      JSON.parse(text);
      return "application/json";
    } catch {
      // not JSON: a CSV may start with a bracket
    }
  }
  if (/^<(\?xml\s|[A-Za-z_][\w.-]*[\s>/])/.test(start)) return "application/xml";
  if (/[\p{Cc}]/u.test(text.replace(/[\t\n\r\f]/g, ""))) return null;
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  return firstLine.includes("\t") ? "text/tab-separated-values" : "text/csv";
}

/** The usual extension of each accepted type, for a name that has none. */
export const EXTENSION: Record<AttachmentContentType, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "application/pdf": "pdf",
  "text/csv": "csv",
  "text/tab-separated-values": "tsv",
  "application/json": "json",
  "application/xml": "xml",
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
  "application/vnd.oasis.opendocument.text": "odt",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
};

/** Every extension that names an accepted type, with the types it may name (a .csv may hold tabs). */
const NAMED: Record<string, readonly AttachmentContentType[]> = {
  jpg: ["image/jpeg"],
  jpeg: ["image/jpeg"],
  png: ["image/png"],
  webp: ["image/webp"],
  pdf: ["application/pdf"],
  csv: ["text/csv", "text/tab-separated-values"],
  tsv: ["text/tab-separated-values", "text/csv"],
  txt: ["text/csv", "text/tab-separated-values"],
  json: ["application/json"],
  geojson: ["application/json"],
  xml: ["application/xml"],
  ods: ["application/vnd.oasis.opendocument.spreadsheet"],
  odt: ["application/vnd.oasis.opendocument.text"],
  xlsx: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  docx: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
};

/**
 * The name's extension when it names one of the accepted types other than what the bytes are (a
 * "relazione.pdf" holding a PNG), else null: an unknown or missing extension says nothing.
 */
export function lyingExtension(fileName: string, type: AttachmentContentType): string | null {
  const extension = /\.([A-Za-z0-9]{1,8})\s*$/.exec(fileName)?.[1]?.toLowerCase();
  if (!extension) return null;
  const named = NAMED[extension];
  return named && !named.includes(type) ? extension : null;
}
