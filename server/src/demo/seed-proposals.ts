import type { Db, ObjectId } from "mongodb";
import { loadActor } from "../people/load-actor.ts";
import { addressProposal, approveProposal, draftProposal, recordAdoption } from "../proposals/index.ts";
import { collections } from "../shared/collections.ts";
import { createCtx } from "../shared/context.ts";
import { addDays, romeDate } from "../shared/dates.ts";
import type { EventBus } from "../shared/events.ts";

const AGREEMENT = "calatino-smart-community";
const TABLE = `${AGREEMENT}/comitato-di-gestione`;

/**
 * One proposal of the Calatino's comitato di gestione, through the real use cases: drafted and approved by
 * its coordinator, addressed to four comuni; Caltagirone and Grammichele adopt it by Giunta resolutions,
 * Vizzini declines, Mineo is still weighing it. Each answer is recorded by the comune's own referent.
 */
export async function seedDemoProposals(deps: {
  db: Db;
  bus: EventBus;
  now: Date;
  tableIds: Map<string, ObjectId>;
  personIds: Map<string, ObjectId>;
  organisationIds: Map<string, ObjectId | undefined>;
}): Promise<{ proposals: number }> {
  const c = collections(deps.db);
  const need = <T>(map: Map<string, T | undefined>, ref: string): T => {
    const value = map.get(ref);
    if (value === undefined) throw new Error(`demo proposals: unknown ref ${ref}`);
    return value;
  };
  const as = async (personRef: string) =>
    createCtx({
      db: deps.db,
      bus: deps.bus,
      actor: await loadActor(c, need(deps.personIds, personRef), deps.now),
      now: () => deps.now,
    });
  const coordinator = await as("giulia-ferrara");
  const org = (ref: string) => need(deps.organisationIds, ref);
  const drafted = await draftProposal({
    ctx: coordinator,
    input: {
      tableId: need(deps.tableIds, TABLE),
      title: "Adozione del regolamento unico per l'accesso ai servizi online con SPID e CIE",
      text:
        "Il Comitato di gestione propone ai Comuni dell'Area Interna del Calatino di adottare un regolamento " +
        "unico per l'accesso ai servizi online con SPID e CIE, sul modello predisposto dal Comune di Caltagirone.",
      confidential: false,
      meetingId: null,
      decisionIndex: null,
    },
  });
  await approveProposal({ ctx: coordinator, input: { id: drafted._id } });
  const addressees = ["comune-caltagirone", "comune-grammichele", "comune-vizzini", "comune-mineo"];
  await addressProposal({
    ctx: coordinator,
    input: { id: drafted._id, organisationIds: addressees.map(org) },
  });
  const today = romeDate(deps.now);
  const year = today.slice(0, 4);
  const answers: [string, string, Parameters<typeof recordAdoption>[0]["input"]["state"], string | null][] = [
    ["giulia-ferrara", "comune-caltagirone", "adottata", `45/${year}`],
    ["marco-distefano", "comune-grammichele", "adottata", `12/${year}`],
    ["carmela-scollo", "comune-vizzini", "non_adottata", null],
  ];
  for (const [personRef, orgRef, state, number] of answers) {
    const act = number
      ? { kind: "delibera_di_giunta" as const, number, date: addDays(today, -3), url: null }
      : null;
    const reason = number ? null : "Il Comune ha già un proprio regolamento, aggiornato nel 2025.";
    await recordAdoption({
      ctx: await as(personRef),
      input: { id: drafted._id, organisationId: org(orgRef), state, act, reason },
    });
  }
  return { proposals: 1 };
}
