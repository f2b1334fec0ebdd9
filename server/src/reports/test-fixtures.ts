import { expect } from "vitest";
import type { ApiResponse, TestServer } from "../../../test/support/server.ts";
import { record } from "../attendance/test-fixtures.ts";
import { contribute, contributionBody } from "../contributions/test-fixtures.ts";
import { raise, reportBody } from "../issue-reports/test-fixtures.ts";
import { convene, meetingWorld } from "../meetings/test-fixtures.ts";
import { agendaIds, CANARY as MINUTES_CANARY, minutesBody, putMinutes } from "../minutes/test-fixtures.ts";

/**
 * Text planted in every confidential field there is (DOMAIN rule 10), all on the founders-only table
 * ("Cabina di regia"), where orgB's referent does not sit: none may reach a report read by someone
 * outside that table. A feature that adds a confidential field adds its canary here, or (issue 15's
 * features) to `NEW` in canary.test.ts, which plants them on top of this world.
 */
export const CANARIES = {
  contributionTitle: "CANARY-CONTRIBUTO-titolo-riservato",
  contributionDescription: "CANARY-CONTRIBUTO-descrizione-riservata",
  material: "CANARY-MATERIALE-riservato",
  agendaItem: "CANARY-ODG-punto-riservato",
  issueTitle: "CANARY-SEGNALAZIONE-titolo-riservato",
  issueDescription: "CANARY-SEGNALAZIONE-descrizione-riservata",
  minutesSummary: MINUTES_CANARY,
} as const;

const ok = async (res: Promise<ApiResponse>, status = 201) => {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
};

/**
 * meetingWorld plus the first half of 2026 on its tables: on the open table (orgA and orgB sit on it,
 * quorum = majority) a sitting on 24 March attended by orgA only, one on 14 April attended by both, one
 * on 5 May cancelled; on the founders-only table a sitting on 26 March with a confidential agenda item
 * and minutes; contributions (one confidential, on the founders table), a confidential material and a
 * confidential issue report. The clock ends on 2 July 2026.
 */
export async function reportWorld(s: TestServer) {
  const w = await meetingWorld(s);
  s.clock.now = new Date("2026-03-10T09:00:00Z");
  const first = await ok(convene(s, w.coordinator.token, w.openTable, { title: "Prima seduta" }));
  const second = await ok(
    convene(s, w.coordinator.token, w.openTable, {
      title: "Seconda seduta",
      startsAt: "2026-04-14T10:00",
      endsAt: "2026-04-14T12:00",
      mode: "ibrida",
      place: { address: "Piazza Municipio 1, Caltagirone", room: "Sala giunta" },
    }),
  );
  const cancelled = await ok(
    convene(s, w.coordinator.token, w.openTable, {
      title: "Seduta annullata",
      startsAt: "2026-05-05T10:00",
      endsAt: "2026-05-05T12:00",
    }),
  );
  await ok(
    s.api("POST", `/api/v1/meetings/${cancelled.id}/cancel`, { token: w.coordinator.token, body: {} }),
    200,
  );
  const steering = await ok(
    convene(s, w.agreementAdmin.token, w.foundersTable, {
      title: "Cabina di regia di marzo",
      startsAt: "2026-03-26T10:00",
      endsAt: "2026-03-26T12:00",
      agenda: [
        { title: "Approvazione del verbale precedente" },
        { title: "Avanzamento dei tavoli" },
        { title: CANARIES.agendaItem, confidential: true },
      ],
    }),
  );
  await ok(
    contribute(s, w.refA.token, w.openTable, contributionBody(w.orgA, { title: "Linee guida per il cloud" })),
  );
  await ok(
    contribute(
      s,
      w.refA.token,
      w.openTable,
      contributionBody(w.orgA, { kind: "buona_pratica", title: "Sportello unico digitale" }),
    ),
  );
  await ok(
    contribute(
      s,
      w.refB.token,
      w.openTable,
      contributionBody(w.orgB, { kind: "dataset", title: "Dataset dei tributi" }),
    ),
  );
  await ok(
    contribute(
      s,
      w.refA.token,
      w.foundersTable,
      contributionBody(w.orgA, {
        kind: "soluzione",
        title: CANARIES.contributionTitle,
        description: CANARIES.contributionDescription,
        confidential: true,
      }),
    ),
  );
  await ok(
    s.api("POST", `/api/v1/tables/${w.foundersTable}/materials`, {
      token: w.agreementAdmin.token,
      body: { title: CANARIES.material, url: "https://example.it/riservato.pdf", confidential: true },
    }),
  );
  await ok(
    raise(
      s,
      w.refA.token,
      w.foundersTable,
      reportBody(w.orgA, {
        title: CANARIES.issueTitle,
        description: CANARIES.issueDescription,
        confidential: true,
      }),
    ),
  );
  s.clock.now = new Date("2026-03-24T09:15:00Z");
  await ok(record(s, w.coordinator.token, first.id, w.refA.id), 200);
  s.clock.now = new Date("2026-03-26T09:30:00Z");
  await ok(putMinutes(s, w.agreementAdmin.token, steering.id, minutesBody(await agendaIds(s, steering.id))));
  s.clock.now = new Date("2026-04-14T08:15:00Z");
  await ok(record(s, w.coordinator.token, second.id, w.refA.id), 200);
  await ok(record(s, w.coordinator.token, second.id, w.refB.id, { mode: "remoto" }), 200);
  s.clock.now = new Date("2026-07-02T08:00:00Z");
  return {
    ...w,
    sittings: { first: first.id, second: second.id, cancelled: cancelled.id, steering: steering.id },
  };
}

export type ReportWorld = Awaited<ReturnType<typeof reportWorld>>;
