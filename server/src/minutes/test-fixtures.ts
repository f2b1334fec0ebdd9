import { ObjectId } from "mongodb";
import { countStoredEvents } from "../../../test/support/records.ts";
import type { TestServer } from "../../../test/support/server.ts";
import { loadActor } from "../people/load-actor.ts";
import { createCtx } from "../shared/context.ts";

/** Text that must never leave the table: put in the summary of the sitting's confidential item. */
export const CANARY = "CANARY-VERBALE-gara-riservata";

/** The agenda item ids of a sitting, in order (the third is the confidential one `convene()` makes). */
export async function agendaIds(s: TestServer, meetingId: string): Promise<string[]> {
  const meeting = await s.c.meetings.findOne({ _id: new ObjectId(meetingId) });
  return (meeting?.agenda ?? []).map((item) => item._id.toHexString());
}

/** A complete minutes body for a sitting convened with the default agenda. */
export function minutesBody(ids: string[], overrides: Record<string, unknown> = {}) {
  return {
    items: [
      { agendaItemId: ids[0], summary: "Il verbale della seduta precedente è approvato all'unanimità." },
      { agendaItemId: ids[1], summary: "Caltagirone illustra il piano: migrazione entro giugno." },
      { agendaItemId: ids[2], summary: `${CANARY}: importi e offerte discussi.` },
    ],
    decisions: [{ text: "Si adotta il piano di migrazione al cloud come proposta non vincolante." }],
    actionItems: [
      { what: "Inviare il piano aggiornato", who: "Ufficio tecnico di Caltagirone", due: "2026-04-30" },
    ],
    notes: "",
    ...overrides,
  };
}

/** PUT /meetings/{id}/minutes */
export function putMinutes(s: TestServer, token: string, meetingId: string, body: unknown, lang?: string) {
  return s.api("PUT", `/api/v1/meetings/${meetingId}/minutes`, { token, body, lang });
}

/** POST /meetings/{id}/minutes/{review|approve}, without a body unless given. */
export function moveMinutes(
  s: TestServer,
  token: string,
  meetingId: string,
  step: "review" | "approve",
  body?: unknown,
) {
  return s.api("POST", `/api/v1/meetings/${meetingId}/minutes/${step}`, { token, body });
}

/** GET /meetings/{id}/minutes */
export function readMinutes(s: TestServer, token: string, meetingId: string) {
  return s.api("GET", `/api/v1/meetings/${meetingId}/minutes`, { token });
}

/** A use-case context acting as the person, as the Slack bot builds one. */
export async function ctxAs(s: TestServer, personId: string) {
  const now = () => new Date(s.clock.now);
  const actor = await loadActor(s.c, new ObjectId(personId), now());
  return createCtx({ db: s.db, bus: s.bus, actor, now });
}

/** Minutes, audit entries and events, to prove a refused request changed nothing. */
export async function minutesSnapshot(s: TestServer) {
  return {
    minutes: await s.c.minutes.find().sort({ _id: 1 }).toArray(),
    audit: await s.c.audit.countDocuments(),
    events: await countStoredEvents(s.c),
  };
}
