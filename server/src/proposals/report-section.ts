import { organisationNames } from "../organisations/queries.ts";
import type { ReportSectionSource } from "../reports/section.ts";
import { romeDate } from "../shared/dates.ts";
import { adoptionRate, ratePercent } from "./adoption-rate.ts";
import type { AdoptionAct, AdoptionDoc, AdoptionRecord } from "./documents.ts";
import type { ActKind } from "./states.ts";

const HIDDEN_TITLE = "Proposta riservata";

const ACT_NAMES: Record<ActKind, string> = {
  delibera_di_giunta: "Delibera di Giunta",
  delibera_di_consiglio: "Delibera di Consiglio",
  determina: "Determina",
  decreto: "Decreto",
  altro: "Atto",
};

/** What the organisation had answered by the end of `to` (Rome): the last record made by then. */
function answerOn(adoption: AdoptionDoc, to: string): AdoptionRecord | null {
  const records: AdoptionRecord[] = [...adoption.history, adoption];
  return records.filter((r) => r.recordedById !== null && romeDate(r.recordedAt) <= to).at(-1) ?? null;
}

/** An act as a protocol cites it: "Delibera di Giunta n. 45/2026 del 28/04/2026". */
function citation(act: AdoptionAct): string {
  return `${ACT_NAMES[act.kind]} n. ${act.number} del ${act.date.split("-").reverse().join("/")}`;
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
  const names = await organisationNames(
    ctx,
    docs.flatMap((d) => d.adoptions.map((a) => a.organisationId)),
  );
  const rows = docs.map((doc) => {
    const tableId = doc.tableId.toHexString();
    const answers = doc.adoptions.map((a) => ({ adoption: a, answer: answerOn(a, period.to) }));
    const rate = adoptionRate(answers.map(({ answer }) => answer?.state ?? "in_valutazione"));
    const shown = !doc.confidential || audience.confidentialTableIds.has(tableId);
    // The acts are public, but which bodies adopted a confidential proposal stays inside its table.
    const acts = answers.flatMap(({ adoption, answer }) =>
      answer?.state === "adottata" && answer.act
        ? [`${names.get(adoption.organisationId.toHexString()) ?? ""}: ${citation(answer.act)}`]
        : [],
    );
    return {
      table: tableNames.get(tableId) ?? null,
      title: shown ? doc.title : HIDDEN_TITLE,
      addressedOn: doc.addressedOn,
      addressed: rate.addressed,
      adopted: rate.adopted,
      notAdopted: rate.notAdopted,
      pending: rate.pending,
      ratePercent: rate.ratePercent,
      acts: shown && acts.length ? acts.join("; ") : null,
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
      { key: "acts", label: label("Atti di adozione", "Acts of adoption") },
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
