import type { AgreementDoc } from "../agreements/documents.ts";
import { italian } from "../shared/pdf-layout.ts";
import type { TableDoc } from "../tables/documents.ts";
import type { ReportPreset } from "./issued.ts";
import type { Localised, ReportPeriod, ReportSection } from "./section.ts";

/** A report as every format renders it (the JSON body is exactly this; see contracts.ts `Report`). */
export type Report = {
  schema: "tavoli-report/1";
  id: string | null;
  status: "live" | "issued";
  title: Localised;
  agreement: { id: string; title: string; shortName: string };
  table: { id: string; name: string } | null;
  preset: ReportPreset;
  period: ReportPeriod;
  generatedAt: string;
  issuedAt: string | null;
  issuedBy: { id: string; name: string | null } | null;
  /** The tables whose confidential content this copy may contain (the reader's, DOMAIN rule 10). */
  confidentialTableIds: string[];
  sections: ReportSection[];
};

/** The half (1, 2) a semestrale period is, from its first day. */
export const halfOf = (period: ReportPeriod): 1 | 2 => (period.from.slice(5) < "07-01" ? 1 : 2);

/** "Relazione semestrale sullo stato di avanzamento — 1° semestre 2026", and the like for each preset. */
export function reportTitle(preset: ReportPreset, period: ReportPeriod): Localised {
  const year = period.from.slice(0, 4);
  const span = {
    it: `dal ${italian.date(period.from)} al ${italian.date(period.to)}`,
    en: `${period.from} to ${period.to}`,
  };
  switch (preset) {
    case "semestrale": {
      const half = halfOf(period);
      return {
        it: `Relazione semestrale sullo stato di avanzamento — ${half}° semestre ${year}`,
        en: `Half-yearly progress report — ${half === 1 ? "first" : "second"} half of ${year}`,
      };
    }
    case "annuale":
      return {
        it: `Relazione annuale sullo stato di avanzamento — anno ${year}`,
        en: `Annual progress report — ${year}`,
      };
    case "sal":
      return {
        it: `Stato di avanzamento lavori (SAL) ${span.it}`,
        en: `Progress report (SAL) ${span.en}`,
      };
    case "personalizzato":
      return { it: `Relazione sullo stato di avanzamento ${span.it}`, en: `Progress report ${span.en}` };
  }
}

export function buildReport(input: {
  id: string | null;
  agreement: AgreementDoc;
  table: TableDoc | null;
  preset: ReportPreset;
  period: ReportPeriod;
  generatedAt: Date;
  issued: { at: Date; by: { id: string; name: string | null } } | null;
  confidentialTableIds: string[];
  sections: ReportSection[];
}): Report {
  return {
    schema: "tavoli-report/1",
    id: input.id,
    status: input.issued ? "issued" : "live",
    title: reportTitle(input.preset, input.period),
    agreement: {
      id: input.agreement._id.toHexString(),
      title: input.agreement.title,
      shortName: input.agreement.shortName,
    },
    table: input.table ? { id: input.table._id.toHexString(), name: input.table.name } : null,
    preset: input.preset,
    period: input.period,
    generatedAt: input.generatedAt.toISOString(),
    issuedAt: input.issued?.at.toISOString() ?? null,
    issuedBy: input.issued?.by ?? null,
    confidentialTableIds: [...input.confidentialTableIds].sort(),
    sections: input.sections,
  };
}

/** The file name of a report's download, ASCII only: relazione-semestrale-2026-01-01-2026-06-30-<scope>.<ext> */
export function reportFileName(report: Report, extension: string, section?: string): string {
  const scope = (report.table?.name ?? report.agreement.shortName ?? report.agreement.title)
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  const parts = [
    "relazione",
    report.preset,
    report.period.from,
    report.period.to,
    scope || "accordo",
    section,
  ]
    .filter(Boolean)
    .join("-");
  return `${parts}.${extension}`;
}
