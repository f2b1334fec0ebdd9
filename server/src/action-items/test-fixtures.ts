import { expect } from "vitest";
import type { TestServer } from "../../../test/support/server.ts";
import { sitting } from "../attendance/test-fixtures.ts";
import type { meetingWorld } from "../meetings/test-fixtures.ts";
import { agendaIds, minutesBody, moveMinutes, putMinutes } from "../minutes/test-fixtures.ts";

type World = Awaited<ReturnType<typeof meetingWorld>>;

/** The two action items the sitting of 24 March decides: one for each referent's organisation. */
export function twoActions(w: World) {
  return [
    { what: "Inviare il piano di migrazione aggiornato", who: { personId: w.refA.id }, due: "2026-04-10" },
    { what: "Censire i servizi online del comune", who: { personId: w.refB.id }, due: "2026-04-15" },
  ];
}

/**
 * The sitting of 24 March 2026 (clock inside it), with its minutes drafted with `actions`, circulated
 * and approved by the coordinator, and the dispatcher drained (so the items are tracked).
 */
export async function approvedSitting(s: TestServer, w: World, actions: unknown[]) {
  const m = await sitting(s, w);
  const ids = await agendaIds(s, m.id);
  const drafted = await putMinutes(s, w.coordinator.token, m.id, minutesBody(ids, { actionItems: actions }));
  expect(drafted.status).toBe(201);
  expect((await moveMinutes(s, w.coordinator.token, m.id, "review")).status).toBe(200);
  const approved = await moveMinutes(s, w.coordinator.token, m.id, "approve");
  expect(approved.status).toBe(200);
  await s.drain();
  return { meetingId: m.id, minutesId: approved.body.id as string };
}

/** POST /action-items/{id}/status */
export function setStatus(s: TestServer, token: string, id: string, body: unknown) {
  return s.api("POST", `/api/v1/action-items/${id}/status`, { token, body });
}

/** Tracked items, audit entries and their events, to prove a refused request changed nothing. */
export async function actionItemsSnapshot(s: TestServer) {
  return {
    items: await s.c.actionItems.find().sort({ _id: 1 }).toArray(),
    audit: await s.c.audit.countDocuments({ entity: "action_item" }),
  };
}
