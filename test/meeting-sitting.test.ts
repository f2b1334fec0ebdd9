import nodeIcal from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CALATINO_COMUNI } from "./support/calatino.ts";
import { makeAgreement, makeOrganisation, makeTable } from "./support/factories.ts";
import { startTestServer, type TestServer } from "./support/server.ts";

type Person = Awaited<ReturnType<TestServer["createPerson"]>>;

const COMUNI = CALATINO_COMUNI;
const TEAMS = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_calatino%40thread.v2/0";

/** The parsed VEVENT of an .ics text. */
function eventOf(ics: string) {
  const parsed = nodeIcal.sync.parseICS(ics);
  const event = Object.values(parsed).find((c) => c?.type === "VEVENT");
  if (event?.type !== "VEVENT") throw new Error("no VEVENT");
  return event;
}

/**
 * A whole sitting of the Calatino "Comitato di gestione del SIA", through the API only: eight comuni,
 * one referent each, one of whom sends a colleague; the sitting is moved, held, and its register closed.
 */
describe("a full sitting of the Calatino management committee", () => {
  let s: TestServer;
  let admin: Person;
  let coordinator: Person;
  let referents: Person[];
  let delegate: Person;
  let tableId: string;
  let meetingId: string;
  const as = (p: Person) => ({ token: p.token });

  beforeAll(async () => {
    s = await startTestServer();
    // Set up in January (designations cannot start in the past), convene in November.
    s.clock.now = new Date("2026-01-20T08:00:00Z");
    admin = await s.createPerson({ admin: true, name: "Giulia Ferrara" });
    coordinator = await s.createPerson({ name: "Salvatore Responsabile SIA" });
    const { id: agreementId } = await makeAgreement(s, admin.token, { adhesionDelayDays: 0 });
    tableId = (
      await makeTable(s, admin.token, agreementId, {
        name: "Comitato di gestione del SIA",
        kind: "coordinamento",
      })
    ).id;
    await s.api("PUT", `/api/v1/tables/${tableId}/coordinators`, {
      ...as(admin),
      body: { personIds: [coordinator.id] },
    });
    referents = [];
    for (const comune of COMUNI) {
      const org = await makeOrganisation(s, `Comune di ${comune}`);
      const organisationId = org._id.toHexString();
      const joined = await s.api("POST", `/api/v1/agreements/${agreementId}/adhesions`, {
        ...as(admin),
        body: { organisationId, receivedOn: "2026-01-15", founding: true, backdatingReason: "prot." },
      });
      expect(joined.status).toBe(201);
      const referent = await s.createPerson({ name: `Referente ${comune}` });
      const designated = await s.api("POST", `/api/v1/tables/${tableId}/designations`, {
        ...as(admin),
        body: { organisationId, personId: referent.id, from: "2026-02-01" },
      });
      expect(designated.status).toBe(201);
      referents.push(referent);
      if (comune === "Mineo") {
        // Mineo's deputy secretary sat for it until June: that makes her a colleague it may delegate to.
        delegate = await s.createPerson({ name: "Vicesegretaria di Mineo" });
        const deputy = await s.api("POST", `/api/v1/tables/${tableId}/designations`, {
          ...as(admin),
          body: { organisationId, personId: delegate.id, from: "2026-02-01" },
        });
        const ended = await s.api("POST", `/api/v1/designations/${deputy.body.id}/end`, {
          ...as(admin),
          body: { to: "2026-06-30" },
        });
        expect(ended.status).toBe(200);
      }
    }
    s.clock.now = new Date("2026-11-02T08:00:00Z");
  });
  afterAll(() => s.close());

  it("convenes the eight referents and the coordinator", async () => {
    const res = await s.api("POST", `/api/v1/tables/${tableId}/meetings`, {
      ...as(coordinator),
      body: {
        title: "Piano di omogeneizzazione dei gestionali",
        startsAt: "2026-11-17T10:00",
        endsAt: "2026-11-17T12:30",
        mode: "ibrida",
        place: { address: "Piazza Municipio 5, Caltagirone", room: "Sala Giunta" },
        videoLink: { url: TEAMS },
        rsvpDeadline: "2026-11-16T18:00",
        agenda: [
          { title: "Stato della migrazione dei gestionali", presenter: "Responsabile SIA" },
          { title: "Offerte economiche dei fornitori (CANARY-RISERVATO)", confidential: true },
        ],
      },
    });
    expect(res.status).toBe(201);
    meetingId = res.body.id;
    const convened = s.events.find((e) => e.type === "meeting.convened")?.payload.convenedPersonIds;
    expect(new Set(convened as string[])).toEqual(new Set([coordinator.id, ...referents.map((r) => r.id)]));
  });

  it("takes the eight answers, one of them a delegation to a colleague", async () => {
    const answers = ["presenza", "presenza", "remoto", "presenza", "remoto", "presenza", "assente"];
    for (const [i, answer] of answers.entries()) {
      const res = await s.api("PUT", `/api/v1/meetings/${meetingId}/rsvps/me`, {
        ...as(referents[i] as Person),
        body: { answer },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const mineo = referents[7] as Person;
    const delegation = await s.api("PUT", `/api/v1/meetings/${meetingId}/rsvps/me`, {
      ...as(mineo),
      body: { answer: "delega", delegateId: delegate.id },
    });
    expect(delegation.status).toBe(200);
    const byDelegate = await s.api("PUT", `/api/v1/meetings/${meetingId}/rsvps/me`, {
      ...as(delegate),
      body: { answer: "presenza" },
    });
    expect(byDelegate.status).toBe(200);
    const detail = await s.api("GET", `/api/v1/meetings/${meetingId}`, as(delegate));
    expect(detail.body.viewer.convened).toBe(true);
    expect(detail.body.videoLink.url).toBe(TEAMS);
    expect(detail.body.rsvp.counts).toMatchObject({
      presenza: 5,
      remoto: 2,
      assente: 1,
      delega: 1,
      pending: 1,
    });
    const summary = await s.api("GET", `/api/v1/meetings/${meetingId}/rsvps`, as(coordinator));
    const represented = summary.body.organisations.filter((o: { represented: boolean }) => o.represented);
    expect(represented.map((o: { name: string }) => o.name).sort()).toEqual(
      COMUNI.filter((c) => c !== "San Cono")
        .map((c) => `Comune di ${c}`)
        .sort(),
    );
  });

  it("moves the sitting: SEQUENCE goes up and everyone convened, the delegate included, is told", async () => {
    const before = s.events.length;
    const moved = await s.api("POST", `/api/v1/meetings/${meetingId}/reschedule`, {
      ...as(coordinator),
      body: { startsAt: "2026-11-19T15:00", endsAt: "2026-11-19T17:00", reason: "Consiglio comunale" },
    });
    expect(moved.body).toMatchObject({ sequence: 1, startsAtLocal: "2026-11-19T15:00:00+01:00" });
    const notice = s.events.slice(before).find((e) => e.type === "meeting.rescheduled");
    expect(new Set(notice?.payload.convenedPersonIds as string[])).toEqual(
      new Set([coordinator.id, delegate.id, ...referents.map((r) => r.id)]),
    );
    const invite = await s.api("GET", `/api/v1/meetings/${meetingId}/invite.ics`, as(referents[0] as Person));
    expect(invite.status).toBe(200);
    const event = eventOf(invite.body);
    expect([event.uid, Number(event.sequence)]).toEqual([`${meetingId}@tavoli`, 1]);
    expect(new Date(event.start).toISOString()).toBe("2026-11-19T14:00:00.000Z");
    expect(invite.body).toContain("teams.microsoft.com");
    expect(invite.body).not.toContain("CANARY");
  });

  it("holds the sitting: referents check in with the code, quorum is reached and the register is stored", async () => {
    const { body: meeting } = await s.api("GET", `/api/v1/meetings/${meetingId}`, as(coordinator));
    s.clock.now = new Date("2026-11-19T13:55:00Z");
    const attendees = [...referents.slice(0, 6), delegate];
    for (const [i, person] of attendees.entries()) {
      const res = await s.api("POST", `/api/v1/meetings/${meetingId}/check-in`, {
        ...as(person),
        body: { code: meeting.checkInCode, mode: i === 2 || i === 4 ? "remoto" : "presenza" },
      });
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    }
    const live = await s.api("GET", `/api/v1/meetings/${meetingId}/attendance`, as(coordinator));
    expect(live.body.quorum).toMatchObject({
      rule: { kind: "majority" },
      memberOrganisations: 8,
      representedOrganisations: 7,
      required: 5,
      reached: true,
    });
    s.clock.now = new Date("2026-11-19T16:05:00Z");
    const closed = await s.api("POST", `/api/v1/meetings/${meetingId}/register/close`, as(coordinator));
    expect(closed.status).toBe(200);
    const stored = await s.api("GET", `/api/v1/meetings/${meetingId}`, as(referents[0] as Person));
    expect(stored.body.register).toMatchObject({
      attendees: 7,
      quorum: { reached: true, representedOrganisations: 7 },
    });
  });
});
