import { ObjectId } from "mongodb";
import { type MeetingDoc, presentMeeting } from "../../../server/src/meetings/index.ts";
import type { TableDoc } from "../../../server/src/tables/index.ts";
import type { Counts } from "../i18n.ts";
import type { button, MeetingView } from "./format.ts";

/** Words that must never reach a public view: a confidential agenda item and the video link. */
export const CANARY = { item: "CANARY-RISERVATO gara in corso", link: "CANARY-LINK" };

const agreementId = new ObjectId();

export const table: TableDoc = {
  _id: new ObjectId(),
  agreementId,
  name: "WP1 · Servizi digitali alla persona",
  kind: "tavolo_di_lavoro",
  theme: { code: "WP1", title: "Servizi digitali alla persona" },
  access: "open",
  description: "",
  coordinatorIds: [],
  materials: [],
  createdAt: new Date("2026-01-01T00:00:00Z"),
  updatedAt: new Date("2026-01-01T00:00:00Z"),
};

/** An agenda item as stored. */
export const agendaItem = (title: string, confidential = false) => ({
  _id: new ObjectId(),
  title,
  presenter: null,
  attachments: [],
  confidential,
});

/** A hybrid sitting on Tuesday 24 March 2026, 10:00–12:00 in Rome, with one confidential agenda item. */
export function meetingDoc(overrides: Partial<MeetingDoc> = {}): MeetingDoc {
  return {
    _id: new ObjectId(),
    agreementId,
    tableId: table._id,
    seriesId: null,
    title: "Seduta ordinaria",
    startsAt: new Date("2026-03-24T09:00:00Z"),
    endsAt: new Date("2026-03-24T11:00:00Z"),
    mode: "ibrida",
    place: { address: "Municipio di Caltagirone, Piazza Municipio 5", room: "Sala giunta" },
    videoLink: { url: `https://meet.jit.si/tavoli-${CANARY.link}`, provider: "jitsi", generated: true },
    agenda: [
      agendaItem("Approvazione del verbale precedente"),
      agendaItem("Piano di migrazione al cloud"),
      agendaItem(CANARY.item, true),
    ],
    rsvpDeadline: null,
    quorum: { kind: "majority" },
    status: "convened",
    sequence: 0,
    checkInCode: "482913",
    cancellation: null,
    register: null,
    createdBy: new ObjectId(),
    createdAt: new Date("2026-03-10T09:00:00Z"),
    updatedAt: new Date("2026-03-10T09:00:00Z"),
    ...overrides,
  };
}

/** What a table's channel sees (nobody in particular) and what a person convened sees. */
export function viewOf(doc: MeetingDoc, as: "public" | "convened"): MeetingView {
  const convened = as === "convened";
  return presentMeeting(doc, table, { convened, organiser: false, seeConfidential: convened });
}

export const COUNTS: Counts = { convened: 10, presenza: 3, remoto: 1, assente: 1, delega: 0, pending: 5 };

export type Button = ReturnType<typeof button>;

/** Every object with `type: "button"` anywhere in the blocks. */
export function buttonsIn(blocks: unknown): Button[] {
  if (Array.isArray(blocks)) return blocks.flatMap(buttonsIn);
  if (blocks && typeof blocks === "object") {
    const own = (blocks as { type?: unknown }).type === "button" ? [blocks as Button] : [];
    return [...own, ...Object.values(blocks).flatMap(buttonsIn)];
  }
  return [];
}
