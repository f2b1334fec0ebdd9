import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { DateTime } from "luxon";
import PDFDocument from "pdfkit";

/**
 * The one Italian layout of the PDFs Tavoli writes (periodic reports, minutes): A4, Titillium Web (the
 * Italian public administration's typeface, embedded so text can be copied and searched), a heading,
 * sections with tables, vector bar charts, Italian numbers and dates, times in Europe/Rome, and
 * "Pagina X di Y" on every page: fit to attach to a protocol act.
 */
export type Pdf = InstanceType<typeof PDFDocument>;

const FONT_DIR = join(
  dirname(createRequire(import.meta.url).resolve("@fontsource/titillium-web/LICENSE")),
  "files",
);
const FONTS = {
  regular: join(FONT_DIR, "titillium-web-latin-400-normal.woff"),
  bold: join(FONT_DIR, "titillium-web-latin-700-normal.woff"),
};
const MARGIN = 56;
const INK = "#1a1a1a";
const MUTED = "#5c6f82";
const ACCENT = "#0066cc";
const RULE = "#c5cfd8";

const NUMBER = new Intl.NumberFormat("it-IT", { maximumFractionDigits: 1 });

/** Italian formats: 1.234,5 · 30/06/2026 · 30/06/2026, 14:05 (Europe/Rome). */
export const italian = {
  number: (value: number) => NUMBER.format(value),
  date: (iso: string) => iso.slice(0, 10).split("-").reverse().join("/"),
  dateTime: (instant: Date) =>
    DateTime.fromJSDate(instant, { zone: "Europe/Rome" }).toFormat("dd/LL/yyyy, 'ore' HH:mm"),
  longDate: (instant: Date) =>
    DateTime.fromJSDate(instant, { zone: "Europe/Rome" }).setLocale("it").toFormat("d LLLL yyyy"),
};

/** A new A4 document with the fonts registered and the PDF's metadata set. */
export function newPdf(meta: { title: string; subject?: string }): Pdf {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN + 14, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: "it-IT",
    info: { Title: meta.title, Subject: meta.subject ?? meta.title, Creator: "Tavoli", Producer: "Tavoli" },
    displayTitle: true,
  });
  doc.registerFont("regular", FONTS.regular);
  doc.registerFont("bold", FONTS.bold);
  doc.font("regular").fillColor(INK);
  return doc;
}

const width = (doc: Pdf) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: Pdf) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` more points fit on this one. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

/** The document's heading: who it is from (kicker), its title, and lines such as the period and the date of issue. */
export function pdfHeading(doc: Pdf, heading: { kicker: string[]; title: string; lines: string[] }): void {
  const x = doc.page.margins.left;
  doc.font("bold").fontSize(10).fillColor(MUTED);
  for (const line of heading.kicker) doc.text(line, x, doc.y, { width: width(doc) });
  doc
    .moveDown(0.6)
    .font("bold")
    .fontSize(17)
    .fillColor(INK)
    .text(heading.title, { width: width(doc) });
  doc.moveDown(0.4).font("regular").fontSize(10).fillColor(INK);
  for (const line of heading.lines) doc.text(line, { width: width(doc) });
  doc.moveDown(0.5);
  doc
    .moveTo(x, doc.y)
    .lineTo(x + width(doc), doc.y)
    .lineWidth(1)
    .strokeColor(ACCENT)
    .stroke();
  doc.moveDown(1);
}

/** A section's title (kept with at least a few lines of what follows). */
export function pdfSectionTitle(doc: Pdf, title: string): void {
  ensureSpace(doc, 80);
  doc
    .moveDown(0.6)
    .font("bold")
    .fontSize(13)
    .fillColor(ACCENT)
    .text(title, doc.page.margins.left, doc.y, { width: width(doc) });
  doc.moveDown(0.3).font("regular").fontSize(10).fillColor(INK);
}

/** A paragraph of body text. */
export function pdfParagraph(
  doc: Pdf,
  text: string,
  options: { muted?: boolean; bold?: boolean } = {},
): void {
  doc
    .font(options.bold ? "bold" : "regular")
    .fontSize(10)
    .fillColor(options.muted ? MUTED : INK)
    .text(text, doc.page.margins.left, doc.y, { width: width(doc) });
  doc.fillColor(INK).font("regular");
}

/** Label: value lines (a section's headline figures). */
export function pdfKeyValues(doc: Pdf, pairs: [string, string][]): void {
  const x = doc.page.margins.left;
  for (const [label, value] of pairs) {
    ensureSpace(doc, 14);
    const y = doc.y;
    doc
      .font("regular")
      .fontSize(10)
      .fillColor(MUTED)
      .text(label, x, y, { width: width(doc) * 0.7 });
    const after = doc.y;
    doc
      .font("bold")
      .fillColor(INK)
      .text(value, x + width(doc) * 0.7, y, { width: width(doc) * 0.3, align: "right" });
    doc.y = Math.max(after, doc.y);
  }
  doc.font("regular").moveDown(0.4);
}

/**
 * Column widths: each at least its longest word (header or cell, so no word is cut), the rest of the
 * page width shared in proportion to how much longer each column's texts run.
 */
function columnWidths(doc: Pdf, headers: string[], rows: string[][], pad: number): number[] {
  const sample = rows.slice(0, 200);
  const measure = (text: string, font: "regular" | "bold") =>
    doc.font(font).fontSize(8.5).widthOfString(text);
  const longestWord = (text: string, font: "regular" | "bold") =>
    Math.max(0, ...text.split(/\s+/).map((word) => Math.min(120, measure(word, font))));
  const least = headers.map(
    (h, i) =>
      Math.max(longestWord(h, "bold"), ...sample.map((r) => longestWord(r[i] ?? "", "regular"))) +
      2 * pad +
      1,
  );
  const want = headers.map((h, i) =>
    Math.max(
      least[i] ?? 0,
      Math.min(
        230,
        Math.max(measure(h, "bold"), ...sample.map((r) => measure(r[i] ?? "", "regular"))) + 2 * pad,
      ),
    ),
  );
  const total = width(doc);
  const sumLeast = least.reduce((a, b) => a + b, 0);
  if (sumLeast >= total) return least.map((w) => (w / sumLeast) * total);
  const extra = want.map((w, i) => w - (least[i] ?? 0));
  const sumExtra = extra.reduce((a, b) => a + b, 0);
  const spare = total - sumLeast;
  return least.map(
    (w, i) => w + (sumExtra > 0 ? ((extra[i] ?? 0) / sumExtra) * spare : spare / least.length),
  );
}

/** A table with a header row repeated on every page; `numeric` columns are right-aligned. */
export function pdfTable(doc: Pdf, headers: string[], rows: string[][], numeric: boolean[] = []): void {
  const x0 = doc.page.margins.left;
  const pad = 3;
  const widths = columnWidths(doc, headers, rows, pad);
  const heightOf = (cells: string[], font: "regular" | "bold") => {
    doc.font(font).fontSize(8.5);
    return (
      Math.max(...cells.map((c, i) => doc.heightOfString(c || " ", { width: (widths[i] ?? 20) - 2 * pad }))) +
      2 * pad
    );
  };
  const drawRow = (cells: string[], font: "regular" | "bold", shade: string | null) => {
    const h = heightOf(cells, font);
    if (doc.y + h > bottom(doc)) {
      doc.addPage();
      if (font === "regular") drawRow(headers, "bold", "#e6ecf2");
    }
    const y = doc.y;
    if (shade) doc.rect(x0, y, width(doc), h).fill(shade);
    let x = x0;
    doc.font(font).fontSize(8.5).fillColor(INK);
    cells.forEach((cell, i) => {
      const w = widths[i] ?? 20;
      doc.text(cell, x + pad, y + pad, { width: w - 2 * pad, align: numeric[i] ? "right" : "left" });
      x += w;
    });
    doc
      .moveTo(x0, y + h)
      .lineTo(x0 + width(doc), y + h)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.x = x0;
    doc.y = y + h;
  };
  ensureSpace(doc, 40);
  drawRow(headers, "bold", "#e6ecf2");
  rows.forEach((row, index) => {
    drawRow(row, "regular", index % 2 === 1 ? "#f5f7fa" : null);
  });
  doc.font("regular").fontSize(10).moveDown(0.6);
}

/** A horizontal bar chart drawn as vectors: one filled bar per label, the value printed after it. */
export function pdfBarChart(
  doc: Pdf,
  chart: { title: string; bars: { label: string; value: number }[]; max?: number; unit?: string },
): void {
  const x0 = doc.page.margins.left;
  const labelWidth = Math.min(190, width(doc) * 0.38);
  const valueWidth = 50;
  const barArea = width(doc) - labelWidth - valueWidth - 8;
  const max = chart.max ?? Math.max(1, ...chart.bars.map((b) => b.value));
  const barHeight = 11;
  const step = 16;
  ensureSpace(doc, 40 + Math.min(chart.bars.length, 6) * step);
  doc
    .font("bold")
    .fontSize(10)
    .fillColor(INK)
    .text(chart.title, x0, doc.y, { width: width(doc) });
  doc.moveDown(0.4);
  if (chart.bars.length === 0) {
    pdfParagraph(doc, "Nessun dato nel periodo.", { muted: true });
    return;
  }
  for (const bar of chart.bars) {
    if (doc.y + step > bottom(doc)) doc.addPage();
    const y = doc.y;
    doc.font("regular").fontSize(8.5).fillColor(INK);
    doc.text(bar.label, x0, y + 1, {
      width: labelWidth - 6,
      height: barHeight + 2,
      ellipsis: true,
      lineBreak: false,
    });
    const barX = x0 + labelWidth;
    doc.rect(barX, y, barArea, barHeight).fill("#eef2f6");
    const length = Math.max(0, Math.min(1, bar.value / max)) * barArea;
    if (length > 0) doc.rect(barX, y, length, barHeight).fill(ACCENT);
    doc.fillColor(INK).text(`${italian.number(bar.value)}${chart.unit ?? ""}`, barX + barArea + 6, y + 1, {
      width: valueWidth,
      lineBreak: false,
    });
    doc.x = x0;
    doc.y = y + step;
  }
  doc.moveDown(0.6);
}

/** Writes "Pagina X di Y" (and `footer`) on every page, ends the document and returns its bytes. */
export async function finishPdf(doc: Pdf, footer: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN + 6;
    doc
      .moveTo(MARGIN, y - 6)
      .lineTo(doc.page.width - MARGIN, y - 6)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.font("regular").fontSize(8).fillColor(MUTED);
    doc.text(footer, MARGIN, y, {
      width: doc.page.width - 2 * MARGIN - 90,
      lineBreak: false,
      ellipsis: true,
    });
    doc.text(`Pagina ${i - range.start + 1} di ${range.count}`, doc.page.width - MARGIN - 90, y, {
      width: 90,
      align: "right",
      lineBreak: false,
    });
    doc.page.margins.bottom = saved;
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
