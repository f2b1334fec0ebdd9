import { getAgreement } from "../agreements/queries.ts";
import type { ReportSectionSource } from "../reports/section.ts";
import { computeDeadlines } from "./compute.ts";

const STATE_IT: Record<string, string> = {
  rispettata: "rispettata",
  rispettata_in_ritardo: "rispettata in ritardo",
  in_scadenza: "in scadenza",
  scaduta: "scaduta",
};

/**
 * The `deadlines` section: the agreement's deadlines due within the period, with their state as of the
 * period's end (what was met after it counts as not yet met). Agreements are public: nothing is hidden.
 */
export const deadlineSection: ReportSectionSource = async (ctx, scope, period) => {
  const agreement = await getAgreement({ ctx, input: { id: scope.agreementId } });
  const all = await computeDeadlines(ctx, agreement, period.to);
  const due = all.filter((d) => d.dueOn !== null && d.dueOn >= period.from && d.dueOn <= period.to);
  const count = (state: string) => due.filter((d) => d.state === state).length;
  return {
    key: "deadlines",
    title: { it: "Scadenze dell'accordo", en: "Agreement deadlines" },
    summary: [
      { key: "met", label: { it: "Rispettate", en: "Met" }, value: count("rispettata") },
      {
        key: "met_late",
        label: { it: "Rispettate in ritardo", en: "Met late" },
        value: count("rispettata_in_ritardo"),
      },
      { key: "overdue", label: { it: "Scadute", en: "Overdue" }, value: count("scaduta") },
      { key: "due", label: { it: "In scadenza", en: "Due" }, value: count("in_scadenza") },
    ],
    columns: [
      { key: "deadline", label: { it: "Scadenza", en: "Deadline" } },
      { key: "due", label: { it: "Data", en: "Due" } },
      { key: "state", label: { it: "Stato", en: "State" } },
      { key: "met_on", label: { it: "Rispettata il", en: "Met on" } },
    ],
    rows: due.map((d) => ({
      deadline: d.label,
      due: d.dueOn,
      state: STATE_IT[d.state] ?? d.state,
      met_on: d.metOn,
    })),
  };
};
