import * as XLSX from "@e965/xlsx";
import { strFromU8, unzipSync } from "fflate";
import { extractText, getDocumentProxy } from "unpdf";
import type { TestServer } from "./server.ts";

// pdf.js (through unpdf) calls ArrayBuffer.prototype.transferToFixedLength, which Node 20 lacks.
const proto = ArrayBuffer.prototype as ArrayBuffer & { transferToFixedLength?: (n?: number) => ArrayBuffer };
proto.transferToFixedLength ??= function (this: ArrayBuffer, n?: number) {
  return this.slice(0, n ?? this.byteLength);
};

export type Download = { status: number; headers: Headers; bytes: Uint8Array };

/** GET as the person, the body as bytes (for the binary formats). */
export async function download(s: TestServer, token: string, path: string): Promise<Download> {
  const response = await fetch(s.url + path, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: response.status,
    headers: response.headers,
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}

/** Every cell of every sheet of an ODS (or any SheetJS-readable book), as sheet name → rows (trailing blanks cut). */
export function odsSheets(bytes: Uint8Array): Record<string, unknown[][]> {
  const book = XLSX.read(bytes, { type: "array" });
  const trimmed = (row: unknown[]) => {
    const out = [...row];
    while (out.length && (out[out.length - 1] === null || out[out.length - 1] === "")) out.pop();
    return out;
  };
  return Object.fromEntries(
    book.SheetNames.map((name) => [
      name,
      XLSX.utils
        .sheet_to_json<unknown[]>(book.Sheets[name] as XLSX.WorkSheet, {
          header: 1,
          defval: null,
          blankrows: true,
        })
        .map(trimmed),
    ]),
  );
}

/** The text of every page of a PDF, joined. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  return (await extractText(pdf, { mergePages: true })).text;
}

export type RenderedText = { where: string; text: string };

/**
 * A report (path without `format`, e.g. `/api/v1/agreements/…/report?preset=…`) in every format, each
 * turned back into text: the JSON, every CSV in the zip and the zip's JSON, every ODS cell, the PDF's text.
 */
export async function reportInEveryFormat(
  s: TestServer,
  token: string,
  path: string,
): Promise<RenderedText[]> {
  const sep = path.includes("?") ? "&" : "?";
  const get = async (format: string) => {
    const res = await download(s, token, `${path}${sep}format=${format}`);
    if (res.status !== 200)
      throw new Error(`${format}: ${res.status} ${new TextDecoder().decode(res.bytes)}`);
    return res.bytes;
  };
  const out: RenderedText[] = [{ where: "json", text: new TextDecoder().decode(await get("json")) }];
  for (const [name, bytes] of Object.entries(unzipSync(await get("zip"))))
    out.push({ where: `zip:${name}`, text: strFromU8(bytes) });
  for (const [name, rows] of Object.entries(odsSheets(await get("ods"))))
    out.push({ where: `ods:${name}`, text: rows.map((r) => r.join("\t")).join("\n") });
  out.push({ where: "pdf", text: await pdfText(await get("pdf")) });
  return out;
}

/**
 * Where each canary appears ("pdf: CANARY-…"), whitespace ignored (a PDF table wraps long text across
 * lines). Add a feature's canaries to the list the report tests plant; an empty result is the proof.
 */
export function canaryHits(rendered: RenderedText[], canaries: readonly string[]): string[] {
  const squash = (text: string) => text.replace(/\s+/g, "");
  return rendered.flatMap(({ where, text }) =>
    canaries.filter((canary) => squash(text).includes(squash(canary))).map((canary) => `${where}: ${canary}`),
  );
}
