import { ObjectId } from "mongodb";
import type { TestServer } from "../../../test/support/server.ts";
import { designationWorld } from "../designations/test-fixtures.ts";

type Person = Awaited<ReturnType<TestServer["createPerson"]>>;

/**
 * designationWorld (clock at 2026-03-10 09:00Z; orgA founding, orgB not; an open and a founders-only
 * table) plus people: a coordinator of the open table, a referent for each organisation on it, a
 * colleague of orgA (its referent on the founders-only table during 2025, none today), and an outsider.
 */
export async function meetingWorld(s: TestServer) {
  const w = await designationWorld(s);
  const coordinator = await s.createPerson({ name: "Carla Coordinatrice" });
  await s.c.tables.updateOne(
    { _id: new ObjectId(w.openTable) },
    { $set: { coordinatorIds: [new ObjectId(coordinator.id)] } },
  );
  const refA = await s.createPerson({ name: "Anna Referente A" });
  const refB = await s.createPerson({ name: "Bruno Referente B" });
  const colleagueA = await s.createPerson({ name: "Aldo Collega A" });
  const outsider = await s.createPerson({ name: "Olga Esterna" });
  for (const [person, organisationId] of [
    [refA, w.orgA],
    [refB, w.orgB],
  ] as [Person, string][]) {
    await s.c.designations.insertOne({
      _id: new ObjectId(),
      agreementId: new ObjectId(w.agreementId),
      tableId: new ObjectId(w.openTable),
      organisationId: new ObjectId(organisationId),
      personId: new ObjectId(person.id),
      kind: "standing",
      meetingRef: null,
      from: "2026-01-01",
      to: null,
      substitutedById: null,
      substitutesId: null,
      createdAt: new Date(),
      createdBy: null,
    });
  }
  // What makes colleagueA a colleague of orgA (see designations/colleagues.ts): a designation by it.
  await s.c.designations.insertOne({
    _id: new ObjectId(),
    agreementId: new ObjectId(w.agreementId),
    tableId: new ObjectId(w.foundersTable),
    organisationId: new ObjectId(w.orgA),
    personId: new ObjectId(colleagueA.id),
    kind: "standing",
    meetingRef: null,
    from: "2025-01-01",
    to: "2025-12-31",
    substitutedById: null,
    substitutesId: null,
    createdAt: new Date(),
    createdBy: null,
  });
  return { ...w, coordinator, refA, refB, colleagueA, outsider };
}

/** A valid convocation body for the open table: online on 24 March 2026 10:00–12:00 Rome, overridable. */
export function meetingBody(overrides: Record<string, unknown> = {}) {
  return {
    title: "Seduta ordinaria",
    startsAt: "2026-03-24T10:00",
    endsAt: "2026-03-24T12:00",
    mode: "online",
    videoLink: { generate: true },
    agenda: [
      { title: "Approvazione del verbale precedente" },
      { title: "Piano di migrazione al cloud", presenter: "Comune di Caltagirone" },
      { title: "CANARY-RISERVATO gara in corso", confidential: true },
    ],
    ...overrides,
  };
}

/** Convenes through the API and returns the response. */
export function convene(
  s: TestServer,
  token: string,
  tableId: string,
  overrides: Record<string, unknown> = {},
) {
  return s.api("POST", `/api/v1/tables/${tableId}/meetings`, { token, body: meetingBody(overrides) });
}
