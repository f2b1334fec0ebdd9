import type { Db, ObjectId } from "mongodb";
import type { ReportPreset } from "./issued.ts";
import type { ReportPeriod, ReportSection } from "./section.ts";

/**
 * An issued report (relazione emessa): the sections frozen when it was issued. `sections` were computed
 * for the issuer's audience (`confidentialTableIds`); `publicSections` for an audience that sees no
 * confidential material, and are what a reader who could not see all of those tables gets.
 */
export type IssuedReportDoc = {
  _id: ObjectId;
  agreementId: ObjectId;
  /** The table reported on; null for the whole agreement. */
  tableId: ObjectId | null;
  /** The tables in scope when issued, as hex ids. */
  tableIds: string[];
  preset: ReportPreset;
  period: ReportPeriod;
  /** Half (1, 2) of a `semestrale`, kept for its title. */
  half: 1 | 2 | null;
  issuedAt: Date;
  issuedById: ObjectId;
  audience: { confidentialTableIds: string[] };
  sections: ReportSection[];
  publicSections: ReportSection[];
  /** `<issuerId>:<Idempotency-Key>` when issued with one (unique where set). */
  idempotencyKey?: string;
};

/** Typed handles on the collections the reports feature owns; the only place their names are spelled. */
export function reportCollections(db: Db) {
  return {
    issuedReports: db.collection<IssuedReportDoc>("issuedReports"),
  };
}
