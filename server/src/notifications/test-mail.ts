import nodeIcal from "node-ical";
import type { ReceivedMail } from "../../../test/support/smtp.ts";

function decodeQuotedPrintable(text: string): Buffer {
  const bytes = text
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1");
}

/** Splits a header block into lowercase name → unfolded value. */
function headers(block: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) map.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return map;
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?Q?…?=`), as mail clients show a subject. */
function decodeWords(value: string): string {
  const joined = value.replace(/\?=\s+=\?/g, "?==?");
  const chunks: Buffer[] = [];
  let last = 0;
  for (const match of joined.matchAll(/=\?utf-8\?([qb])\?([^?]*)\?=/gi)) {
    chunks.push(Buffer.from(joined.slice(last, match.index), "utf8"));
    const [, encoding, data = ""] = match;
    chunks.push(
      encoding?.toLowerCase() === "b"
        ? Buffer.from(data, "base64")
        : decodeQuotedPrintable(data.replace(/_/g, " ")),
    );
    last = match.index + match[0].length;
  }
  chunks.push(Buffer.from(joined.slice(last), "utf8"));
  return Buffer.concat(chunks).toString("utf8");
}

/** A received mail read back as a person's client shows it: subject, parts decoded, the invitation parsed. */
export function readMail(mail: ReceivedMail) {
  const [head = "", ...rest] = mail.raw.split(/\r?\n\r?\n/);
  const boundaries = [...mail.raw.matchAll(/boundary="([^"]+)"/g)].map((m) => m[1] ?? "");
  const body = rest.join("\r\n\r\n");
  const pattern = new RegExp(
    `\\r?\\n?--(?:${boundaries.map((b) => b.replace(/[-]/g, "\\-")).join("|")})(?:--)?\\r?\\n?`,
  );
  const parts = body
    .split(pattern)
    .map((chunk) => {
      const split = chunk.search(/\r?\n\r?\n/);
      if (split < 0) return null;
      const h = headers(chunk.slice(0, split));
      const content = chunk.slice(split).replace(/^\r?\n\r?\n/, "");
      const encoding = h.get("content-transfer-encoding")?.toLowerCase();
      const decoded =
        encoding === "base64"
          ? Buffer.from(content.replace(/\s/g, ""), "base64").toString("utf8")
          : encoding === "quoted-printable"
            ? decodeQuotedPrintable(content).toString("utf8")
            : Buffer.from(content, "latin1").toString("utf8");
      return { type: h.get("content-type") ?? "", body: decoded };
    })
    .filter(
      (part): part is { type: string; body: string } => part !== null && !part.type.startsWith("multipart"),
    );
  const part = (prefix: string) => parts.find((p) => p.type.startsWith(prefix));
  const calendar = part("text/calendar");
  const events = calendar
    ? Object.values(nodeIcal.sync.parseICS(calendar.body)).filter((c) => c?.type === "VEVENT")
    : [];
  return {
    to: mail.to,
    subject: decodeWords(headers(head).get("subject") ?? ""),
    text: part("text/plain")?.body ?? "",
    html: part("text/html")?.body ?? "",
    calendarType: calendar?.type ?? null,
    ics: calendar?.body ?? "",
    event: events[0] as nodeIcal.VEvent | undefined,
    /** Everything a reader could see, decoded: for "never contains" checks. */
    everything: [decodeWords(head), ...parts.map((p) => p.body)].join("\n"),
  };
}
