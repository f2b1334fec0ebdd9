import { strToU8, zipSync } from "fflate";
import {
  finishPdf,
  newPdf,
  pdfHeading,
  pdfParagraph,
  pdfSectionTitle,
  pdfTable,
} from "../shared/pdf-layout.ts";
import { minutesDocument } from "./document.ts";
import type { PresentedMinutes } from "./present.ts";

/** The minutes as a PDF in the reports' Italian layout (page numbers, Europe/Rome times). */
export async function minutesPdf(m: PresentedMinutes): Promise<Buffer> {
  const d = minutesDocument(m);
  const doc = newPdf({ title: d.title, subject: m.meeting.tableName });
  pdfHeading(doc, { kicker: [m.meeting.tableName], title: d.title, lines: d.lines });
  for (const block of d.blocks) {
    if (block.kind === "heading") pdfSectionTitle(doc, block.text);
    else if (block.kind === "paragraph") {
      pdfParagraph(doc, block.text, { muted: block.muted ?? false });
      doc.moveDown(0.3);
    } else if (block.kind === "list") for (const item of block.items) pdfParagraph(doc, item);
    else pdfTable(doc, block.headers, block.rows);
  }
  return finishPdf(doc, d.title);
}

const xml = (text: string) =>
  text
    // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters, so they are dropped.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

/** A paragraph's text with its line breaks kept (ODF collapses them otherwise). */
const lines = (text: string) => xml(text).split(/\r?\n/).join("<text:line-break/>");

const ODT_TYPE = "application/vnd.oasis.opendocument.text";

/**
 * The minutes as an OpenDocument text (ODF 1.3): a zip whose first entry is `mimetype`, stored
 * uncompressed, then `META-INF/manifest.xml`, `styles.xml` and `content.xml`; opens in LibreOffice and
 * Word, and archives as an open format (DOMAIN rule 12).
 */
export function minutesOdt(m: PresentedMinutes): Uint8Array {
  const d = minutesDocument(m);
  const body: string[] = [
    `<text:p text:style-name="Kicker">${xml(m.meeting.tableName)}</text:p>`,
    `<text:h text:style-name="Title" text:outline-level="1">${xml(d.title)}</text:h>`,
    ...d.lines.map((line) => `<text:p>${xml(line)}</text:p>`),
  ];
  let tables = 0;
  for (const block of d.blocks) {
    if (block.kind === "heading")
      body.push(`<text:h text:style-name="Heading" text:outline-level="2">${xml(block.text)}</text:h>`);
    else if (block.kind === "paragraph")
      body.push(`<text:p${block.muted ? ' text:style-name="Muted"' : ""}>${lines(block.text)}</text:p>`);
    else if (block.kind === "list")
      body.push(
        `<text:list>${block.items.map((item) => `<text:list-item><text:p>${lines(item)}</text:p></text:list-item>`).join("")}</text:list>`,
      );
    else {
      tables += 1;
      const row = (cells: string[], style?: string) =>
        `<table:table-row>${cells
          .map(
            (cell) =>
              `<table:table-cell office:value-type="string"><text:p${style ? ` text:style-name="${style}"` : ""}>${lines(cell)}</text:p></table:table-cell>`,
          )
          .join("")}</table:table-row>`;
      body.push(
        `<table:table table:name="Tabella${tables}"><table:table-column table:number-columns-repeated="${block.headers.length}"/>`,
        `<table:table-header-rows>${row(block.headers, "Strong")}</table:table-header-rows>`,
        ...block.rows.map((r) => row(r)),
        "</table:table>",
      );
    }
  }
  const ns =
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3"';
  const content = `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content ${ns}><office:body><office:text>${body.join("")}</office:text></office:body></office:document-content>`;
  const styles = `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles ${ns}><office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="Titillium Web" fo:font-family="'Titillium Web', sans-serif" fo:font-size="11pt" fo:language="it" fo:country="IT"/></style:default-style>
<style:style style:name="Title" style:family="paragraph"><style:text-properties fo:font-size="17pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.4cm"/><style:text-properties fo:font-size="13pt" fo:font-weight="bold" fo:color="#0066cc"/></style:style>
<style:style style:name="Kicker" style:family="paragraph"><style:text-properties fo:font-weight="bold" fo:color="#5c6f82"/></style:style>
<style:style style:name="Muted" style:family="paragraph"><style:text-properties fo:color="#5c6f82"/></style:style>
<style:style style:name="Strong" style:family="paragraph"><style:text-properties fo:font-weight="bold"/></style:style>
</office:styles></office:document-styles>`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${ODT_TYPE}"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
</manifest:manifest>`;
  // Insertion order is archive order: `mimetype` first, stored (level 0), as ODF requires.
  return zipSync({
    mimetype: [strToU8(ODT_TYPE), { level: 0 }],
    "META-INF/manifest.xml": strToU8(manifest),
    "styles.xml": strToU8(styles),
    "content.xml": strToU8(content),
  });
}

export { ODT_TYPE };
