import type { ReportSectionSource } from "../reports/section.ts";
import { romeDate } from "../shared/dates.ts";
import { adoptionRate, ratePercent } from "./adoption-rate.ts";
import type { AdoptionDoc, AdoptionRecord } from "./documents.ts";
import type { AdoptionState } from "./states.ts";

const HIDDEN_TITLE = "Proposta riservata";

/** What the organisation had answered by the end of `to` (Rome): the last record made by then. */
function stateOn(adoption: AdoptionDoc, to: string): AdoptionState {
  const records: AdoptionRecord[] = [...adoption.history, adoption];
  const known = records.filter((r) => r.recordedById !== null && romeDate(r.recordedAt) <= to);
  return known.at(-1)?.state ?? "in_valutazione";
}

/**
 * The `proposals` section of a periodic report: one row per proposal addressed by the end of the period,
 * with each one's answers as they stood at the period's end; a confidential proposal keeps its row (its
 * counts) but shows "Proposta riservata" unless its table is in the audience (DOMAIN rule 10).
 */
export const proposalsReportSection: ReportSectionSource = async (ctx, scope, period, audience) => {
  const docs = await ctx.c.proposals
    .find({
      tableId: { $in: scope.tables.map((t) => t._id) },
      status: "indirizzata",
      addressedOn: { $lte: period.to },
    })
    .sort({ addressedOn: 1, _id: 1 })
    .toArray();
  const tableNames = new Map(scope.tables.map((t) => [t._id.toHexString(), t.name]));
  const rows = docs.map((doc) => {
    const tableId = doc.tableId.toHexString();
    const rate = adoptionRate(doc.adoptions.map((a) => stateOn(a, period.to)));
    const shown = !doc.confidential || audience.confidentialTableIds.has(tableId);
    return {
      table: tableNames.get(tableId) ?? null,
      title: shown ? doc.title : HIDDEN_TITLE,
      addressedOn: doc.addressedOn,
      addressed: rate.addressed,
      adopted: rate.adopted,
      notAdopted: rate.notAdopted,
      pending: rate.pending,
      ratePercent: rate.ratePercent,
    };
  });
  const sum = (key: "addressed" | "adopted" | "notAdopted" | "pending") =>
    rows.reduce((n, r) => n + r[key], 0);
  const adopted = sum("adopted");
  const addressed = sum("addressed");
  const label = (it: string, en: string) => ({ it, en });
  return {
    key: "proposals",
    title: label("Proposte e loro adozione", "Proposals and their adoption"),
    summary: [
      { key: "proposals", label: label("Proposte indirizzate", "Proposals addressed"), value: rows.length },
      {
        key: "addressedInPeriod",
        label: label("di cui nel periodo", "of which in the period"),
        value: docs.filter((d) => (d.addressedOn ?? "") >= period.from).length,
      },
      { key: "adopted", label: label("Adozioni", "Adoptions"), value: adopted },
      { key: "notAdopted", label: label("Non adottate", "Not adopted"), value: sum("notAdopted") },
      { key: "pending", label: label("In valutazione", "Being weighed"), value: sum("pending") },
      {
        key: "ratePercent",
        label: label("Tasso di adozione (%)", "Adoption rate (%)"),
        value: ratePercent(adopted, addressed),
      },
    ],
    columns: [
      { key: "table", label: label("Tavolo", "Table") },
      { key: "title", label: label("Proposta", "Proposal") },
      { key: "addressedOn", label: label("Indirizzata il", "Addressed on") },
      { key: "addressed", label: label("Enti destinatari", "Organisations addressed") },
      { key: "adopted", label: label("Adottata", "Adopted") },
      { key: "notAdopted", label: label("Non adottata", "Not adopted") },
      { key: "pending", label: label("In valutazione", "Being weighed") },
      { key: "ratePercent", label: label("Tasso di adozione (%)", "Adoption rate (%)") },
    ],
    rows,
    chart: {
      title: label("Tasso di adozione per proposta", "Adoption rate per proposal"),
      labelColumn: "title",
      valueColumn: "ratePercent",
      max: 100,
    },
  };
};
