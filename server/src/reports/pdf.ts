import {
  finishPdf,
  italian,
  newPdf,
  pdfBarChart,
  pdfHeading,
  pdfKeyValues,
  pdfParagraph,
  pdfSectionTitle,
  pdfTable,
} from "../shared/pdf-layout.ts";
import type { Report } from "./model.ts";
import type { ReportCell } from "./section.ts";

/** A cell as printed: Italian numbers and dates, sì/no. */
function printed(value: ReportCell): string {
  if (value === null) return "—";
  if (typeof value === "boolean") return value ? "sì" : "no";
  if (typeof value === "number") return italian.number(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? italian.date(value) : value;
}

/**
 * The report as a PDF to attach to a protocol act: heading (agreement, table, title, period, date of
 * issue), then each section's headline figures, its bar chart when it declares one, and its table.
 */
export async function reportPdf(report: Report): Promise<Buffer> {
  const doc = newPdf({ title: report.title.it, subject: report.agreement.title });
  const when = new Date(report.issuedAt ?? report.generatedAt);
  pdfHeading(doc, {
    kicker: [
      report.agreement.title,
      ...(report.table ? [`Tavolo: ${report.table.name}`] : ["Tutti i tavoli dell'accordo"]),
    ],
    title: report.title.it,
    lines: [
      `Periodo: dal ${italian.date(report.period.from)} al ${italian.date(report.period.to)}`,
      report.issuedAt
        ? `Data di emissione: ${italian.longDate(when)}`
        : `Generata il ${italian.dateTime(when)} (non emessa)`,
    ],
  });
  for (const section of report.sections) {
    pdfSectionTitle(doc, section.title.it);
    pdfKeyValues(
      doc,
      section.summary.map((entry) => [entry.label.it, printed(entry.value)]),
    );
    // An empty section says so once, under its table; no empty chart above it.
    if (section.chart && section.rows.length > 0) {
      const chart = section.chart;
      pdfBarChart(doc, {
        title: chart.title.it,
        // A row without a figure (an unresolved report's time to resolution) has no bar, not a bar of 0.
        bars: section.rows.flatMap((row) => {
          const value = row[chart.valueColumn];
          return typeof value === "number" ? [{ label: String(row[chart.labelColumn] ?? ""), value }] : [];
        }),
        ...(chart.max !== undefined ? { max: chart.max } : {}),
      });
    }
    if (section.rows.length === 0) pdfParagraph(doc, "Nessun dato nel periodo.", { muted: true });
    else
      pdfTable(
        doc,
        section.columns.map((c) => c.label.it),
        section.rows.map((row) => section.columns.map((c) => printed(row[c.key] ?? null))),
        section.columns.map((c) => typeof section.rows[0]?.[c.key] === "number"),
      );
  }
  return finishPdf(doc, `${report.agreement.shortName || report.agreement.title} — ${report.title.it}`);
}
