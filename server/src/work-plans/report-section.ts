import { organisationNames } from "../organisations/queries.ts";
import type { ReportSectionSource } from "../reports/section.ts";
import { romeDate } from "../shared/dates.ts";
import { CONFIDENTIAL_ACTIVITY } from "./present.ts";
import { plansInForceOn } from "./queries.ts";
import { isOverdue } from "./rules.ts";

const STATUS_IT: Record<string, string> = {
  da_avviare: "da avviare",
  in_corso: "in corso",
  completata: "completata",
  sospesa: "sospesa",
  annullata: "annullata",
};

/**
 * The `work_plan` section: one row per activity of the plans in force at the period's end (the tables'
 * in scope, and for a whole-agreement report the agreement's own), overdue as of that day. A confidential
 * activity outside the audience's tables shows as "Attività riservata".
 */
export const workPlanSection: ReportSectionSource = async (ctx, scope, period, audience) => {
  const tableIds = new Set(scope.tables.map((t) => t._id.toHexString()));
  const names = new Map(scope.tables.map((t) => [t._id.toHexString(), t.name]));
  const plans = (await plansInForceOn(ctx, scope.agreementId, period.to)).filter((p) =>
    p.tableId ? tableIds.has(p.tableId.toHexString()) : scope.tableId === null,
  );
  const orgs = await organisationNames(
    ctx,
    plans.flatMap((p) => p.activities.flatMap((a) => (a.ownerOrganisationId ? [a.ownerOrganisationId] : []))),
  );
  const rows = plans.flatMap((plan) => {
    const tableKey = plan.tableId?.toHexString() ?? null;
    const open = tableKey !== null && audience.confidentialTableIds.has(tableKey);
    return plan.activities.map((a) => ({
      table: tableKey ? (names.get(tableKey) ?? "") : "Accordo",
      activity: a.confidential && !open ? CONFIDENTIAL_ACTIVITY : a.title,
      owner: a.ownerOrganisationId ? (orgs.get(a.ownerOrganisationId.toHexString()) ?? null) : null,
      due: a.dueOn,
      status: STATUS_IT[a.status] ?? a.status,
      progress: a.progress,
      overdue: isOverdue(a, period.to),
    }));
  });
  const mean = rows.length ? Math.round(rows.reduce((sum, r) => sum + r.progress, 0) / rows.length) : null;
  const latest = [...plans].sort(
    (a, b) => (b.decision?.at.getTime() ?? 0) - (a.decision?.at.getTime() ?? 0),
  )[0];
  const versions = plans.map((p) => `v${p.version}`).join(", ");
  return {
    key: "work_plan",
    title: { it: "Piano di lavoro", en: "Work plan" },
    summary: [
      { key: "activities", label: { it: "Attività", en: "Activities" }, value: rows.length },
      {
        key: "completed",
        label: { it: "Completate", en: "Completed" },
        value: plans.flatMap((p) => p.activities).filter((a) => a.status === "completata").length,
      },
      {
        key: "overdue",
        label: { it: "In ritardo", en: "Overdue" },
        value: rows.filter((r) => r.overdue).length,
      },
      { key: "mean_progress", label: { it: "Avanzamento medio (%)", en: "Mean progress (%)" }, value: mean },
      {
        key: "version",
        label: { it: "Versione in vigore", en: "Version in force" },
        value: versions || null,
      },
      {
        key: "approved_on",
        label: { it: "Data di approvazione", en: "Approval date" },
        value: latest?.decision ? romeDate(latest.decision.at) : null,
      },
    ],
    columns: [
      { key: "table", label: { it: "Tavolo", en: "Table" } },
      { key: "activity", label: { it: "Attività", en: "Activity" } },
      { key: "owner", label: { it: "Ente responsabile", en: "Owner organisation" } },
      { key: "due", label: { it: "Scadenza", en: "Due" } },
      { key: "status", label: { it: "Stato", en: "Status" } },
      { key: "progress", label: { it: "Avanzamento (%)", en: "Progress (%)" } },
      { key: "overdue", label: { it: "In ritardo", en: "Overdue" } },
    ],
    rows,
    chart: {
      title: { it: "Avanzamento delle attività", en: "Activity progress" },
      labelColumn: "activity",
      valueColumn: "progress",
      max: 100,
    },
  };
};
