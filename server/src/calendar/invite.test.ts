import nodeIcal from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { convene, meetingWorld } from "../meetings/test-fixtures.ts";

/** The one VEVENT of an .ics and the calendar's METHOD, as a calendar application reads them. */
function parse(ics: string) {
  const parsed = nodeIcal.sync.parseICS(ics);
  const events = Object.values(parsed).filter((c) => c?.type === "VEVENT") as nodeIcal.VEvent[];
  expect(events).toHaveLength(1);
  return { event: events[0] as nodeIcal.VEvent, method: /^METHOD:(\w+)\r$/m.exec(ics)?.[1] };
}

const urlOf = (event: nodeIcal.VEvent) =>
  typeof event.url === "string" ? event.url : (event.url as { val?: string } | undefined)?.val;

describe("a sitting as an .ics invitation", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
  });
  afterAll(() => s.close());

  const invite = (id: string, token?: string, lang?: string) =>
    s.api("GET", `/api/v1/meetings/${id}/invite.ics`, { token, lang });

  it("gives a convened referent a REQUEST with the Rome times, the link and only the non-confidential items", async () => {
    const { body: meeting } = await convene(s, w.coordinator.token, w.openTable);
    const res = await invite(meeting.id, w.refB.token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="tavoli-2026-03-24-.*\.ics"$/,
    );
    const ics = res.body as string;
    expect(ics).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Rome");
    expect(ics).toContain("DTSTART;TZID=Europe/Rome:20260324T100000");
    expect(ics).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r$/m);
    const { event, method } = parse(ics);
    expect(method).toBe("REQUEST");
    expect(event).toMatchObject({
      uid: `${meeting.id}@tavoli`,
      sequence: 0,
      summary: "WP1 Servizi digitali: Seduta ordinaria",
      location: meeting.videoLink.url,
      status: "CONFIRMED",
    });
    expect(event.start.toISOString()).toBe("2026-03-24T09:00:00.000Z");
    expect(event.end?.toISOString()).toBe("2026-03-24T11:00:00.000Z");
    expect(urlOf(event)).toBe(meeting.videoLink.url);
    expect(event.description).toContain("1. Approvazione del verbale precedente");
    expect(event.description).toContain("2. Piano di migrazione al cloud (Comune di Caltagirone)");
    expect(event.description).toContain("1 punto riservato: consultare Tavoli");
    expect(event.description).toContain(`Collegamento: ${meeting.videoLink.url}`);
    expect(ics).toContain('ORGANIZER;CN="Tavoli":mailto:noreply@tavoli.localhost');
    expect(ics).not.toContain("CANARY-RISERVATO");
  });

  it("shows the link to the organisers, never to an outsider, and the canary to nobody", async () => {
    const { body: meeting } = await convene(s, w.coordinator.token, w.openTable);
    for (const person of [w.coordinator, w.agreementAdmin]) {
      const { event } = parse((await invite(meeting.id, person.token)).body);
      expect(urlOf(event)).toBe(meeting.videoLink.url);
    }
    const res = await invite(meeting.id, w.outsider.token);
    expect(res.status).toBe(200);
    const { event } = parse(res.body);
    expect(urlOf(event)).toBeUndefined();
    expect(event.location).toBe("Da remoto");
    expect(event.description).toContain("Collegamento: riservato alle persone convocate, su Tavoli");
    expect(res.body).not.toContain("meet.jit.si");
    for (const person of [w.outsider, w.refA, w.coordinator, w.admin])
      expect((await invite(meeting.id, person.token)).body).not.toContain("CANARY");
  });

  it("speaks English on request", async () => {
    const { body: meeting } = await convene(s, w.coordinator.token, w.openTable);
    const { event } = parse((await invite(meeting.id, w.refA.token, "en")).body);
    expect(event.description).toContain("Agenda:");
    expect(event.description).toContain("1 confidential item: see Tavoli");
    expect(event.description).toContain("When: Tuesday 24 March 2026, 10:00–12:00 (Italian time)");
  });

  it("keeps the UID across a reschedule, raises SEQUENCE, and turns into CANCEL once cancelled", async () => {
    const { body: meeting } = await convene(s, w.coordinator.token, w.openTable);
    const moved = await s.api("POST", `/api/v1/meetings/${meeting.id}/reschedule`, {
      token: w.coordinator.token,
      body: { startsAt: "2026-03-26T15:00", endsAt: "2026-03-26T16:30" },
    });
    expect(moved.status).toBe(200);
    const after = parse((await invite(meeting.id, w.refA.token)).body);
    expect(after.method).toBe("REQUEST");
    expect(after.event).toMatchObject({ uid: `${meeting.id}@tavoli`, sequence: 1 });
    expect(after.event.start.toISOString()).toBe("2026-03-26T14:00:00.000Z");
    const cancelled = await s.api("POST", `/api/v1/meetings/${meeting.id}/cancel`, {
      token: w.coordinator.token,
      body: { reason: "Sala non disponibile" },
    });
    expect(cancelled.status).toBe(200);
    const res = await invite(meeting.id, w.refA.token);
    const gone = parse(res.body);
    expect(gone.method).toBe("CANCEL");
    expect(gone.event).toMatchObject({ uid: `${meeting.id}@tavoli`, sequence: 2, status: "CANCELLED" });
    expect(gone.event.description).toContain("RIUNIONE ANNULLATA\nMotivo: Sala non disponibile");
    expect(res.body).not.toContain("CANARY");
  });

  it("writes the right wall-clock times across the night the clocks go forward", async () => {
    const { body: meeting, status } = await convene(s, w.coordinator.token, w.openTable, {
      startsAt: "2026-03-29T01:30",
      endsAt: "2026-03-29T03:30",
    });
    expect(status).toBe(201);
    const ics = (await invite(meeting.id, w.refA.token)).body as string;
    expect(ics).toContain("DTSTART;TZID=Europe/Rome:20260329T013000");
    expect(ics).toContain("DTEND;TZID=Europe/Rome:20260329T033000");
    const { event } = parse(ics);
    // 01:30 CET is 00:30Z; 03:30 CEST is 01:30Z: one real hour.
    expect(event.start.toISOString()).toBe("2026-03-29T00:30:00.000Z");
    expect(event.end?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("needs a login and an existing sitting", async () => {
    const { body: meeting } = await convene(s, w.coordinator.token, w.openTable);
    expect((await invite(meeting.id)).body.error.code).toBe("unauthenticated");
    const unknown = await invite("0123456789abcdef01234567", w.refA.token);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, "not_found"]);
    const bad = await invite("nope", w.refA.token);
    expect([bad.status, bad.body.error.code]).toEqual([400, "invalid_id"]);
  });

  it("is documented as text/calendar", async () => {
    const doc = await s.api("GET", "/api/v1/openapi.json");
    const paths = doc.body.paths;
    expect(Object.keys(paths["/meetings/{id}/invite.ics"].get.responses[200].content)).toEqual([
      "text/calendar",
    ]);
    expect(Object.keys(paths["/calendar/feeds/{token}"].get.responses[200].content)).toEqual([
      "text/calendar",
    ]);
    expect(Object.keys(paths["/people/me/calendar-feed"]).sort()).toEqual(["delete", "get", "post"]);
  });
});
