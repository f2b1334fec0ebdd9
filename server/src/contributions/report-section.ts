import { organisationNames } from "../organisations/queries.ts";
import { periodInstants } from "../reports/period.ts";
import type { ReportSectionSource } from "../reports/section.ts";
import { CONTRIBUTION_KINDS, type ContributionKind } from "./kinds.ts";
import { contributionsBetween } from "./queries.ts";

const KIND_LABEL: Record<ContributionKind, { it: string; en: string }> = {
  documento: { it: "Documenti", en: "Documents" },
  buona_pratica: { it: "Buone pratiche", en: "Good practices" },
  dataset: { it: "Dataset", en: "Datasets" },
  soluzione: { it: "Soluzioni", en: "Solutions" },
  commento: { it: "Commenti", en: "Comments" },
};

/**
 * Contributi: per organisation, how many of each kind it brought in the period (withdrawn ones left out)
 * and their titles. A confidential contribution is counted everywhere but its title is listed only for
 * the tables in `audience.confidentialTableIds` (DOMAIN rule 10).
 */
export const contributionsSection: ReportSectionSource = async (ctx, scope, period, audience) => {
  const { start, end } = periodInstants(period);
  const docs = await contributionsBetween(ctx, { tableIds: scope.tables.map((t) => t._id), start, end });
  const names = await organisationNames(ctx, [
    ...new Map(docs.map((d) => [d.organisationId.toHexString(), d.organisationId])).values(),
  ]);
  const byOrganisation = new Map<
    string,
    { counts: Record<ContributionKind, number>; titles: string[]; hidden: number }
  >();
  for (const doc of docs) {
    const id = doc.organisationId.toHexString();
    const entry = byOrganisation.get(id) ?? {
      counts: Object.fromEntries(CONTRIBUTION_KINDS.map((k) => [k, 0])) as Record<ContributionKind, number>,
      titles: [],
      hidden: 0,
    };
    entry.counts[doc.kind] += 1;
    if (!doc.confidential || audience.confidentialTableIds.has(doc.tableId.toHexString()))
      entry.titles.push(doc.title.replace(/\s+/g, " ").trim());
    else entry.hidden += 1;
    byOrganisation.set(id, entry);
  }
  const rows = [...byOrganisation.entries()]
    .map(([id, e]) => ({
      organisation: names.get(id) ?? id,
      ...e.counts,
      total: CONTRIBUTION_KINDS.reduce((n, k) => n + e.counts[k], 0),
      titles: [...e.titles, ...(e.hidden ? [`(${e.hidden} riservati)`] : [])].join(" · "),
    }))
    .sort((a, b) => b.total - a.total || a.organisation.localeCompare(b.organisation, "it"));
  const ofKind = (kind: ContributionKind) => docs.filter((d) => d.kind === kind).length;
  return {
    key: "contributions",
    title: { it: "Contributi degli enti", en: "Contributions by organisation" },
    summary: [
      { key: "total", label: { it: "Contributi", en: "Contributions" }, value: docs.length },
      ...CONTRIBUTION_KINDS.map((kind) => ({ key: kind, label: KIND_LABEL[kind], value: ofKind(kind) })),
      {
        key: "organisations",
        label: { it: "Enti che hanno contribuito", en: "Contributing organisations" },
        value: rows.length,
      },
    ],
    columns: [
      { key: "organisation", label: { it: "Ente", en: "Organisation" } },
      ...CONTRIBUTION_KINDS.map((kind) => ({ key: kind, label: KIND_LABEL[kind] })),
      { key: "total", label: { it: "Totale", en: "Total" } },
      { key: "titles", label: { it: "Titoli", en: "Titles" } },
    ],
    rows,
    chart: {
      title: { it: "Contributi per ente", en: "Contributions by organisation" },
      labelColumn: "organisation",
      valueColumn: "total",
    },
  };
};
