import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import type { IsoDate } from "../shared/dates.ts";
import type { TableDoc } from "../tables/documents.ts";

/**
 * What a periodic report covers: one table, or every table of an agreement. Each feature that feeds a
 * report exports one `ReportSectionSource` (its `report-section.ts`); reports/ composes them and
 * renders the same sections as JSON, CSV, ODS and PDF, so no format can hold what another does not.
 */
export type ReportScope = {
  agreementId: ObjectId;
  /** The table reported on; null for the whole agreement. */
  tableId: ObjectId | null;
  /** The tables in scope: the one table, or all of the agreement's. */
  tables: TableDoc[];
};

/** Calendar days in Europe/Rome, both included. */
export type ReportPeriod = { from: IsoDate; to: IsoDate };

/**
 * DOMAIN rule 10 for reports: confidential content (titles, descriptions, notes of riservato items)
 * appears only for tables in this set (the requester may see their confidential material, as
 * tables/visibility.ts canSeeConfidential decides). Elsewhere a source leaves the item out of its
 * rows, or counts it without any of its text.
 */
export type ReportAudience = { confidentialTableIds: ReadonlySet<string> };

export type Localised = { it: string; en: string };

export type ReportCell = string | number | boolean | null;

/** One section of a report: figures for the summary, and a table of rows (one CSV file, one ODS sheet). */
export type ReportSection = {
  /** Stable machine name, also the CSV file and ODS sheet name, e.g. "attendance". */
  key: string;
  title: Localised;
  /** Headline figures, e.g. { held: 4, cancelled: 1 }: key → value, with labels below. */
  summary: { key: string; label: Localised; value: ReportCell }[];
  columns: { key: string; label: Localised }[];
  rows: Record<string, ReportCell>[];
  /**
   * A bar chart the PDF draws from this section, if any: one bar per row, labelled by `labelColumn`,
   * valued by `valueColumn` (a number; `max` is the scale, e.g. 100 for percentages).
   */
  chart?: { title: Localised; labelColumn: string; valueColumn: string; max?: number };
};

export type ReportSectionSource = (
  ctx: Ctx,
  scope: ReportScope,
  period: ReportPeriod,
  audience: ReportAudience,
) => Promise<ReportSection>;
