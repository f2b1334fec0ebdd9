import * as XLSX from "@e965/xlsx";
import { strToU8, zipSync } from "fflate";
import { AppError } from "../shared/errors.ts";
import { italian } from "../shared/pdf-layout.ts";
import type { Report } from "./model.ts";
import type { ReportCell, ReportSection } from "./section.ts";

/**
 * CSV for Italian spreadsheets (LibreOffice Calc and Excel set to Italian open it with a double click):
 * UTF-8 with a BOM, `;` between fields, CRLF line ends, decimal comma (85,7), booleans as sì/no, dates
 * as ISO days (YYYY-MM-DD, which both read as dates). Text starting with = + - @ is prefixed with an
 * apostrophe so no cell runs as a formula. The first row holds the Italian column labels.
 */
export function sectionCsv(section: ReportSection): string {
  const header = section.columns.map((c) => csvField(c.label.it));
  const lines = section.rows.map((row) => section.columns.map((c) => csvField(csvCell(row[c.key] ?? null))));
  return `\ufeff${[header, ...lines].map((fields) => fields.join(";")).join("\r\n")}\r\n`;
}

function csvCell(value: ReportCell): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "sì" : "no";
  if (typeof value === "number") return String(value).replace(".", ",");
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvField(text: string): string {
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The one section named, or 400 `report_section_unknown`. */
export function pickSection(report: Report, key: string | undefined): ReportSection {
  const section = report.sections.find((s) => s.key === key);
  if (!section)
    throw new AppError("report_section_unknown", {
      section: key ?? null,
      sections: report.sections.map((s) => s.key),
    });
  return section;
}

/** Every section's CSV plus the report's JSON (`relazione.json`), in one zip. */
export function reportZip(report: Report): Uint8Array {
  const files: Record<string, Uint8Array> = { "relazione.json": strToU8(JSON.stringify(report, null, 2)) };
  for (const section of report.sections) files[`${section.key}.csv`] = strToU8(sectionCsv(section));
  return zipSync(files, { level: 6, mtime: new Date(report.issuedAt ?? report.generatedAt) });
}

/** Sheet names: at most 31 characters, none of []:*?/\ nor a straight apostrophe, unique. */
function sheetName(title: string, taken: Set<string>): string {
  const base =
    title
      .replace(/[[\]:*?/\\]/g, " ")
      // A straight apostrophe comes back as `&apos;` from readers that do not unescape sheet names.
      .replace(/'/g, "’")
      .slice(0, 31)
      .trim() || "Sezione";
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i += 1) name = `${base.slice(0, 28)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

const odsCell = (value: ReportCell) => (typeof value === "boolean" ? (value ? "sì" : "no") : (value ?? ""));

/**
 * OpenDocument spreadsheet: a "Sintesi" sheet (heading, period, date of issue, every section's headline
 * figures), then one sheet per section with its Italian column labels. Numbers stay numbers.
 */
export function reportOds(report: Report): Uint8Array {
  const book = XLSX.utils.book_new();
  const taken = new Set<string>();
  const summary: (string | number)[][] = [
    [report.title.it],
    ["Accordo", report.agreement.title],
    ...(report.table ? [["Tavolo", report.table.name]] : []),
    ["Periodo", `dal ${italian.date(report.period.from)} al ${italian.date(report.period.to)}`],
    [
      report.issuedAt ? "Emessa il" : "Generata il",
      italian.dateTime(new Date(report.issuedAt ?? report.generatedAt)),
    ],
    [],
  ];
  for (const section of report.sections) {
    summary.push([section.title.it]);
    for (const entry of section.summary) summary.push([entry.label.it, odsCell(entry.value)]);
    summary.push([]);
  }
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(summary), sheetName("Sintesi", taken));
  for (const section of report.sections) {
    const rows = [
      section.columns.map((c) => c.label.it),
      ...section.rows.map((row) => section.columns.map((c) => odsCell(row[c.key] ?? null))),
    ];
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), sheetName(section.title.it, taken));
  }
  return XLSX.write(book, { bookType: "ods", type: "buffer" }) as Uint8Array;
}
