import type { Db, ObjectId } from "mongodb";
import { assignIssueReport } from "../issue-reports/assign.ts";
import { commentIssueReport } from "../issue-reports/comment.ts";
import { raiseIssueReport } from "../issue-reports/index.ts";
import { triageIssueReport } from "../issue-reports/triage.ts";
import { loadActor } from "../people/load-actor.ts";
import { createService, recordAvailability, subscribeToService } from "../services/index.ts";
import { collections } from "../shared/collections.ts";
import { type Ctx, createCtx } from "../shared/context.ts";
import { addDays, addMonths, romeDate } from "../shared/dates.ts";
import type { EventBus } from "../shared/events.ts";

const PIEMONTE = "rete-cst-piemonte";
const HOUR = 3_600_000;

/**
 * The Rete CST Piemonte's catalogue of shared services (the protocol's "catalogo dei servizi e degli
 * SLA"), provided by CSI-Piemonte, with subscribers and last month's availability; and issue reports on
 * the Comitati di Pilotaggio: one escalated to the Comitato Guida, assigned, discussed and resolved, one
 * escalated and still in its queue, one settled by its table, one just raised. Everything goes through
 * the use cases, each step acting as its person at an instant in the past days, so times in each status,
 * audit entries and events are what real use leaves.
 */
export async function seedDemoServices(deps: {
  db: Db;
  bus: EventBus;
  now: Date;
  tableIds: Map<string, ObjectId>;
  personIds: Map<string, ObjectId>;
  orgIds: Map<string, ObjectId | undefined>;
}): Promise<{ services: number; issueReports: number }> {
  const c = collections(deps.db);
  const need = <T>(map: Map<string, T | undefined>, ref: string): T => {
    const value = map.get(ref);
    if (value === undefined) throw new Error(`demo services: unknown ref ${ref}`);
    return value;
  };
  const org = (ref: string) => need(deps.orgIds, ref);
  const table = (ref: string) => need(deps.tableIds, `${PIEMONTE}/${ref}`);
  /** A context acting as the person, `hoursAgo` hours before the seeding. */
  async function as(personRef: string, hoursAgo = 0): Promise<Ctx> {
    const at = new Date(deps.now.getTime() - hoursAgo * HOUR);
    const actor = await loadActor(c, need(deps.personIds, personRef), at);
    return createCtx({ db: deps.db, bus: deps.bus, actor, now: () => at });
  }
  const agreement = await c.agreements.findOne({ slug: PIEMONTE });
  if (!agreement) throw new Error("demo services: no Piemonte agreement");
  const csi = org("csi-piemonte");
  const service = async (
    name: string,
    description: string,
    status: "attivo" | "in_attivazione",
    levels: { availabilityPercent: number; responseHours: number; resolutionHours: number },
    subscriberRefs: string[],
  ) =>
    createService({
      ctx: await as("federica-gallo", 24 * 40),
      input: {
        agreementId: agreement._id,
        name,
        description,
        providerId: csi,
        tableId: table("comitato-guida"),
        status,
        levels,
        subscriberIds: subscriberRefs.map(org),
      },
    });
  const conservazione = await service(
    "Conservazione sostitutiva",
    "Conservazione a norma dei documenti informatici dei piccoli Comuni, tramite il CST di riferimento.",
    "attivo",
    { availabilityPercent: 99.5, responseHours: 8, resolutionHours: 72 },
    ["provincia-cuneo", "citta-metropolitana-torino", "provincia-asti"],
  );
  const pagopa = await service(
    "Pagamenti pagoPA",
    "Intermediazione tecnologica verso pagoPA: avvisi, incassi e riconciliazione per gli enti del CST.",
    "attivo",
    { availabilityPercent: 99.8, responseHours: 4, resolutionHours: 24 },
    ["provincia-cuneo", "citta-metropolitana-torino"],
  );
  const suap = await service(
    "SUAP associato",
    "Sportello unico per le attività produttive in forma associata, sulla piattaforma regionale.",
    "in_attivazione",
    { availabilityPercent: 99, responseHours: 8, resolutionHours: 120 },
    [],
  );
  await subscribeToService({
    ctx: await as("roberto-bima", 24 * 30),
    input: { id: suap._id, organisationId: org("provincia-cuneo") },
  });
  // Last calendar month's measurements: conservazione met its target, pagoPA fell short of it.
  const thisMonth = `${romeDate(deps.now).slice(0, 8)}01`;
  const lastMonth = { from: addMonths(thisMonth, -1), to: addDays(thisMonth, -1) };
  for (const [id, measuredPercent] of [
    [conservazione._id, 99.7],
    [pagopa._id, 99.4],
  ] as const)
    await recordAvailability({
      ctx: await as("federica-gallo"),
      input: { id, ...lastMonth, measuredPercent },
    });

  const raise = async (
    personRef: string,
    hoursAgo: number,
    input: {
      tableRef: string;
      orgRef: string;
      title: string;
      description: string;
      severity: "bassa" | "media" | "alta";
    },
    extra: { serviceId?: ObjectId; confidential?: boolean } = {},
  ) =>
    raiseIssueReport({
      ctx: await as(personRef, hoursAgo),
      input: {
        tableId: table(input.tableRef),
        organisationId: org(input.orgRef),
        title: input.title,
        description: input.description,
        severity: input.severity,
        confidential: extra.confidential ?? false,
        meetingId: null,
        serviceId: extra.serviceId ?? null,
      },
    });
  const move = async (
    personRef: string,
    hoursAgo: number,
    id: ObjectId,
    status: "in_esame" | "inoltrata" | "risolta",
    note: string | null = null,
  ) => triageIssueReport({ ctx: await as(personRef, hoursAgo), input: { id, status, note } });

  // Escalated to the Comitato Guida and resolved there, naming the service.
  const versamenti = await raise(
    "roberto-bima",
    24 * 12,
    {
      tableRef: "pilotaggio-cst-cn",
      orgRef: "provincia-cuneo",
      title: "Versamenti in conservazione rifiutati",
      description:
        "Da lunedì i pacchetti di versamento dei comuni del CST vengono rifiutati per firma non valida.",
      severity: "alta",
    },
    { serviceId: conservazione._id },
  );
  await move("roberto-bima", 24 * 12 - 3, versamenti._id, "in_esame", "Verifica con il CSI-Piemonte");
  await move(
    "roberto-bima",
    24 * 11,
    versamenti._id,
    "inoltrata",
    "Riguarda tutti i CST: serve il Comitato Guida",
  );
  await assignIssueReport({
    ctx: await as("federica-gallo", 24 * 10),
    input: { id: versamenti._id, personId: need(deps.personIds, "federica-gallo") },
  });
  await commentIssueReport({
    ctx: await as("federica-gallo", 24 * 10 - 2),
    input: {
      id: versamenti._id,
      text: "Il CSI-Piemonte conferma: certificato di firma scaduto sul sistema di versamento.",
    },
  });
  await commentIssueReport({
    ctx: await as("roberto-bima", 24 * 9),
    input: { id: versamenti._id, text: "Dopo il rinnovo i versamenti di prova sono andati a buon fine." },
  });
  await move(
    "federica-gallo",
    24 * 8,
    versamenti._id,
    "risolta",
    "Certificato rinnovato, versamenti ripresi",
  );

  // Escalated and still in the Comitato Guida's queue, assigned to ANCI Piemonte's referent.
  const receipts = await raise(
    "giorgio-chiesa",
    24 * 5,
    {
      tableRef: "pilotaggio-cst-to",
      orgRef: "citta-metropolitana-torino",
      title: "Ricevute pagoPA non riconciliate",
      description:
        "Le ricevute di pagamento dell'ultima settimana non risultano riconciliate negli applicativi contabili.",
      severity: "media",
    },
    { serviceId: pagopa._id },
  );
  await move("federica-gallo", 24 * 4, receipts._id, "in_esame");
  await move(
    "federica-gallo",
    24 * 3,
    receipts._id,
    "inoltrata",
    "Da esaminare con l'intermediario tecnologico",
  );
  await assignIssueReport({
    ctx: await as("federica-gallo", 24 * 3 - 1),
    input: { id: receipts._id, personId: need(deps.personIds, "monica-ferrero") },
  });

  // Settled by its own table, without escalation.
  const forms = await raise("roberto-bima", 24 * 20, {
    tableRef: "pilotaggio-cst-cn",
    orgRef: "provincia-cuneo",
    title: "Modulistica SUAP non aggiornata",
    description: "Alcuni moduli pubblicati non recepiscono le ultime modifiche regionali.",
    severity: "bassa",
  });
  await move("roberto-bima", 24 * 19, forms._id, "in_esame");
  await move("roberto-bima", 24 * 15, forms._id, "risolta", "Moduli aggiornati dal CST");

  // Just raised, confidential: only the table's members read it.
  await raise(
    "giorgio-chiesa",
    20,
    {
      tableRef: "pilotaggio-cst-to",
      orgRef: "citta-metropolitana-torino",
      title: "Credenziali di servizio condivise tra più uffici",
      description:
        "Alcuni uffici usano le stesse credenziali di accesso al gestionale: da valutare prima dell'audit.",
      severity: "media",
    },
    { confidential: true },
  );
  return { services: 3, issueReports: 4 };
}
