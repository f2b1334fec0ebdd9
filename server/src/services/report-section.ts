import { organisationNames } from "../organisations/queries.ts";
import type { ReportSection, ReportSectionSource } from "../reports/section.ts";
import { monitor } from "./monitoring.ts";
import { servicesOfAgreement } from "./queries.ts";

const label = (it: string, en: string) => ({ it, en });

/**
 * The `services` section of a periodic report: one row per shared service of the agreement (for a
 * table's report, the services that table follows), its provider and subscribers, and each service
 * level's target against what was measured in the period. Services are public acts: nothing here is
 * confidential, and issue reports contribute only their times.
 */
export const serviceSection: ReportSectionSource = async (ctx, scope, period) => {
  const all = await servicesOfAgreement(ctx, scope.agreementId);
  const tableId = scope.tableId;
  const services = tableId ? all.filter((s) => s.tableId?.equals(tableId)) : all;
  const names = await organisationNames(
    ctx,
    services.map((s) => s.providerId),
  );
  const rows = [];
  for (const service of services) {
    const m = await monitor(ctx, service, period);
    const verdicts = [m.availability.verdict, m.response.verdict, m.resolution.verdict];
    rows.push({
      service: service.name,
      provider: names.get(service.providerId.toHexString()) ?? null,
      status: service.status,
      subscribers: service.subscribers.length,
      availability_target: m.availability.target,
      availability_measured: m.availability.measured,
      response_target_hours: m.response.target,
      response_median_hours: m.response.measured,
      resolution_target_hours: m.resolution.target,
      resolution_median_hours: m.resolution.measured,
      reports: m.reports,
      verdict: verdicts.includes("breached") ? "breached" : verdicts.includes("met") ? "met" : null,
    });
  }
  const section: ReportSection = {
    key: "services",
    title: label("Servizi condivisi e SLA", "Shared services and service levels"),
    summary: [
      { key: "services", label: label("Servizi", "Services"), value: rows.length },
      {
        key: "breached",
        label: label("Con livelli non rispettati", "With levels breached"),
        value: rows.filter((r) => r.verdict === "breached").length,
      },
    ],
    columns: [
      { key: "service", label: label("Servizio", "Service") },
      { key: "provider", label: label("Fornitore", "Provider") },
      { key: "status", label: label("Stato", "Status") },
      { key: "subscribers", label: label("Enti aderenti", "Subscribers") },
      { key: "availability_target", label: label("Disponibilità obiettivo %", "Availability target %") },
      { key: "availability_measured", label: label("Disponibilità misurata %", "Availability measured %") },
      {
        key: "response_target_hours",
        label: label("Presa in carico obiettivo (ore)", "Response target (h)"),
      },
      { key: "response_median_hours", label: label("Presa in carico mediana (ore)", "Response median (h)") },
      {
        key: "resolution_target_hours",
        label: label("Risoluzione obiettivo (ore)", "Resolution target (h)"),
      },
      { key: "resolution_median_hours", label: label("Risoluzione mediana (ore)", "Resolution median (h)") },
      { key: "reports", label: label("Segnalazioni", "Issue reports") },
      { key: "verdict", label: label("Esito (met/breached)", "Verdict (met/breached)") },
    ],
    rows,
    chart: {
      title: label("Disponibilità misurata per servizio (%)", "Measured availability per service (%)"),
      labelColumn: "service",
      valueColumn: "availability_measured",
      max: 100,
    },
  };
  return section;
};
