import type { Db, ObjectId } from "mongodb";
import { loadActor } from "../people/load-actor.ts";
import { collections } from "../shared/collections.ts";
import { createCtx } from "../shared/context.ts";
import { addDays, romeDate } from "../shared/dates.ts";
import type { EventBus } from "../shared/events.ts";
import {
  decideWorkPlan,
  presentWorkPlanToSteering,
  recordActivityProgress,
  saveWorkPlanDraft,
} from "../work-plans/index.ts";

const AGREEMENT = "innovazione-comuni-lombardi";

/**
 * The Lombardia tavolo tecnico's work plan of the pilot initiatives (art. 6: "entro 30 giorni dalla
 * stipula, il tavolo tecnico presenterà alla cabina di regia il piano di lavoro"), through the real use
 * cases: drafted and presented by its coordinator, approved by the cabina di regia's, then monitored.
 * Returns the number of activities.
 */
export async function seedDemoWorkPlans(deps: {
  db: Db;
  bus: EventBus;
  now: Date;
  /** "agreementSlug/tableRef" → table id. */
  tableIds: Map<string, ObjectId>;
  personIds: Map<string, ObjectId>;
  organisationIds: Map<string, ObjectId | undefined>;
}): Promise<number> {
  const c = collections(deps.db);
  const need = <T>(map: Map<string, T | undefined>, ref: string): T => {
    const value = map.get(ref);
    if (value === undefined) throw new Error(`demo work plans: unknown ref ${ref}`);
    return value;
  };
  const as = async (ref: string) =>
    createCtx({
      db: deps.db,
      bus: deps.bus,
      actor: await loadActor(c, need(deps.personIds, ref), deps.now),
      now: () => deps.now,
    });
  const tableId = need(deps.tableIds, `${AGREEMENT}/tavolo-tecnico`);
  const regione = need(deps.organisationIds, "regione-lombardia");
  const anciLombardia = need(deps.organisationIds, "anci-lombardia");
  const today = romeDate(deps.now);
  const day = (days: number) => addDays(today, days);
  const activity = (
    title: string,
    description: string,
    owner: ObjectId,
    startOn: string,
    dueOn: string,
    theme: { code: string; title: string },
    confidential = false,
  ) => ({
    title,
    description,
    ownerOrganisationId: owner,
    ownerPersonId: null,
    startOn,
    dueOn,
    status: "da_avviare" as const,
    progress: 0,
    theme,
    confidential,
  });
  const activities = [
    activity(
      "Censimento dei data center dei Comuni pilota",
      "Rilevazione di sale server, contratti e consumi negli Enti pilota, base del piano di razionalizzazione.",
      regione,
      day(-60),
      day(-10),
      { code: "AC1", title: "Razionalizzazione data center" },
    ),
    activity(
      "Catalogo dei dataset comunali da aprire",
      "Individuazione con i Comuni pilota dei dataset di maggior valore e del loro formato aperto.",
      anciLombardia,
      day(-45),
      day(60),
      { code: "AC2", title: "Valorizzazione del patrimonio informativo" },
    ),
    activity(
      "Adesione dei Comuni pilota a pagoPA per tutti i servizi",
      "Accompagnamento all'attivazione dei pagamenti elettronici sui servizi a domanda individuale.",
      anciLombardia,
      day(-30),
      day(90),
      { code: "AC4", title: "Diffusione dei pagamenti elettronici" },
    ),
    activity(
      "Valutazione delle offerte di conservazione sostitutiva",
      "Confronto delle offerte ricevute dai conservatori accreditati (riservato fino all'aggiudicazione).",
      regione,
      day(-20),
      day(40),
      { code: "AC5", title: "Diffusione di servizi di conservazione sostitutiva" },
      true,
    ),
    activity(
      "Percorso formativo sulle competenze digitali dei dipendenti comunali",
      "Moduli in modalità audio-video per i dipendenti degli Enti pilota, con il Syllabus nazionale.",
      anciLombardia,
      day(10),
      day(150),
      { code: "AC6", title: "Competenze digitali di cittadini e comuni" },
    ),
  ];
  const coordinator = await as("valentina-sala");
  const draft = await saveWorkPlanDraft({ ctx: coordinator, input: { scope: { tableId }, activities } });
  await presentWorkPlanToSteering({ ctx: coordinator, input: { scope: { tableId } } });
  await decideWorkPlan({
    ctx: await as("andrea-brambilla"),
    input: { id: draft._id, outcome: "approvata", meetingId: null, note: "Approvato dalla Cabina di regia" },
  });
  const progress = [
    { index: 0, status: "completata" as const, progress: 100, note: "Censiti 14 data center in 9 Comuni" },
    { index: 1, status: "in_corso" as const, progress: 40, note: "Primi 25 dataset individuati" },
    { index: 2, status: "in_corso" as const, progress: 20, note: "Tre Comuni hanno attivato pagoPA" },
  ];
  for (const step of progress) {
    const target = draft.activities[step.index];
    if (!target) continue;
    await recordActivityProgress({
      ctx: coordinator,
      input: {
        id: draft._id,
        activityId: target._id,
        status: step.status,
        progress: step.progress,
        note: step.note,
      },
    });
  }
  return activities.length;
}
