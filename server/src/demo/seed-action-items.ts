import { DateTime } from "luxon";
import type { Db, ObjectId } from "mongodb";
import { setActionItemStatus } from "../action-items/set-status.ts";
import { trackApprovedMinutes } from "../action-items/track.ts";
import { meetingInput } from "../meetings/contracts.ts";
import { conveneMeeting } from "../meetings/convene.ts";
import { ZONE } from "../meetings/local-time.ts";
import { approveMinutes } from "../minutes/approve.ts";
import { minutesInput } from "../minutes/contracts.ts";
import { draftMinutes } from "../minutes/draft.ts";
import { submitMinutesForReview } from "../minutes/review.ts";
import { loadActor } from "../people/load-actor.ts";
import { collections } from "../shared/collections.ts";
import { createCtx } from "../shared/context.ts";
import type { EventBus } from "../shared/events.ts";

const TABLE = "calatino-smart-community/comitato-di-gestione";

/**
 * A sitting of the Calatino's Comitato di gestione held five weeks before seeding, with approved minutes
 * and three action items, all through the real use cases on a clock set back to each step: one done
 * (Grammichele), one overdue (Caltagirone: Giulia Ferrara, the demo referent, sees it in
 * `/tavoli azioni` and the app), one open and not yet due (Vizzini). The next sitting of the table,
 * a week after seeding, then shows them under "Verifica azioni".
 */
export async function seedDemoActionItems(deps: {
  db: Db;
  bus: EventBus;
  now: Date;
  jitsiBaseUrl: string;
  tableIds: Map<string, ObjectId>;
  personIds: Map<string, ObjectId>;
}): Promise<{ actionItems: number }> {
  const c = collections(deps.db);
  const need = <T>(map: Map<string, T>, key: string): T => {
    const value = map.get(key);
    if (value === undefined) throw new Error(`demo action items: unknown ${key}`);
    return value;
  };
  const tableId = need(deps.tableIds, TABLE);
  const giulia = need(deps.personIds, "giulia-ferrara");
  const marco = need(deps.personIds, "marco-distefano");
  const carmela = need(deps.personIds, "carmela-scollo");
  const today = DateTime.fromJSDate(deps.now, { zone: ZONE }).startOf("day");
  const day = (from: DateTime) => from.toISODate() ?? "";
  const sittingDay = today.minus({ weeks: 5 }).set({ weekday: 4 });
  const at = async (personId: ObjectId, instant: DateTime) => {
    const now = () => instant.toJSDate();
    return createCtx({ db: deps.db, bus: deps.bus, actor: await loadActor(c, personId, now()), now });
  };

  const meeting = await conveneMeeting({
    ctx: await at(giulia, sittingDay.minus({ days: 10 }).set({ hour: 9 })),
    input: {
      tableId,
      jitsiBaseUrl: deps.jitsiBaseUrl,
      meeting: meetingInput.parse({
        title: "Comitato di gestione del SIA – avvio del piano di omogeneizzazione",
        startsAt: `${day(sittingDay)}T09:30`,
        endsAt: `${day(sittingDay)}T12:00`,
        mode: "in_presenza",
        place: { address: "Piazza Municipio 5, 95041 Caltagirone (CT)", room: "Sala Giunta" },
        agenda: [
          {
            title: "Ricognizione dei gestionali in uso negli otto Comuni",
            presenter: "Comune di Caltagirone",
          },
          { title: "Standard comuni per i siti istituzionali" },
        ],
      }),
    },
  });
  const afterSitting = sittingDay.set({ hour: 15 });
  const { version: _version, ...content } = minutesInput.parse({
    items: [
      {
        agendaItemId: meeting.agenda[0]?._id.toHexString(),
        summary:
          "Ogni Comune comunica i gestionali di protocollo e contabilità in uso e le scadenze dei contratti.",
      },
      {
        agendaItemId: meeting.agenda[1]?._id.toHexString(),
        summary: "Si concorda di partire dal modello dei siti dei Comuni di Designers Italia.",
      },
    ],
    decisions: [
      { text: "Si avvia la ricognizione dei gestionali come prima fase del piano di omogeneizzazione." },
    ],
    actionItems: [
      {
        what: "Inviare al Comitato l'elenco dei contratti dei gestionali in scadenza",
        who: { personId: marco.toHexString() },
        due: day(today.minus({ weeks: 3 })),
      },
      {
        what: "Predisporre la scheda di ricognizione dei gestionali per gli otto Comuni",
        who: { personId: giulia.toHexString() },
        due: day(today.minus({ weeks: 1 })),
      },
      {
        what: "Proporre lo schema comune della sezione Amministrazione trasparente",
        who: { personId: carmela.toHexString() },
        due: day(today.plus({ weeks: 3 })),
      },
    ],
  });
  await draftMinutes({ ctx: await at(giulia, afterSitting), input: { meetingId: meeting._id, content } });
  const reviewCtx = await at(giulia, afterSitting.plus({ days: 1 }));
  await submitMinutesForReview({ ctx: reviewCtx, input: { meetingId: meeting._id } });
  const approvalCtx = await at(giulia, afterSitting.plus({ days: 3 }));
  const minutes = await approveMinutes({ ctx: approvalCtx, input: { meetingId: meeting._id } });
  // The dispatcher's tracker would do it too, later; tracking is idempotent, so both may run.
  const items = await trackApprovedMinutes({ ctx: approvalCtx, input: { minutesId: minutes._id } });
  const done = items[0];
  if (done) {
    const doneAt = today.minus({ weeks: 3, days: 2 }).set({ hour: 11 });
    await setActionItemStatus({
      ctx: await at(marco, doneAt),
      input: { id: done._id, status: "completata", doneOn: day(doneAt) },
    });
  }
  return { actionItems: items.length };
}
