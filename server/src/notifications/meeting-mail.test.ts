import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTable } from "../../../test/support/factories.ts";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { type FakeSmtp, startFakeSmtp } from "../../../test/support/smtp.ts";
import { convene, meetingWorld } from "../meetings/test-fixtures.ts";
import { readMail } from "./test-mail.ts";

describe("meeting invitations by e-mail", () => {
  let smtp: FakeSmtp;
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  let taken = 0;
  let marker: Awaited<ReturnType<TestServer["createPerson"]>>;
  let markerTable: string;
  beforeAll(async () => {
    smtp = await startFakeSmtp();
    s = await startTestServer({ env: { SMTP_URL: smtp.url } });
    w = await meetingWorld(s);
    await s.c.people.updateOne({ _id: new ObjectId(w.refB.id) }, { $set: { locale: "en" } });
    // A table whose only convened person is its coordinator: convening there mails exactly one marker.
    marker = await s.createPerson({ name: "Marco Marcatore" });
    markerTable = (await makeTable(s, w.admin.token, w.agreementId, { name: "Tavolo marcatore" })).id;
    await s.c.tables.updateOne(
      { _id: new ObjectId(markerTable) },
      { $set: { coordinatorIds: [new ObjectId(marker.id)] } },
    );
  });
  afterAll(async () => {
    await s.close();
    await smtp.close();
  });

  /**
   * The next `count` mails, read as a client shows them, keyed by recipient; and then no other. Once the
   * dispatcher has drained, every mail of the events stored so far has reached the SMTP server: exactly
   * `count` more must be there. A marker convocation, drained in turn, must then add exactly one mail.
   */
  async function mails(count: number) {
    await s.drain();
    expect(smtp.received.length, "exactly the mails of what happened").toBe(taken + count);
    const read = [];
    for (let i = 0; i < count; i++) read.push(readMail(await smtp.next()));
    taken += count;
    await convene(s, marker.token, markerTable);
    await s.drain();
    expect(smtp.received.length, "only the marker's mail after them").toBe(taken + 1);
    expect((await smtp.next()).to, "no further mail before the marker").toEqual([marker.person.email]);
    taken += 1;
    expect(smtp.received.length, "no further mail").toBe(taken);
    for (const mail of read) expect(mail.everything).not.toContain("CANARY");
    return new Map(read.map((mail) => [mail.to[0], mail]));
  }

  const emailOf = (person: { person: { email: string } }) => person.person.email;

  it("convening mails each person convened once, in their language, with a REQUEST invitation", async () => {
    const res = await convene(s, w.coordinator.token, w.openTable);
    expect(res.status).toBe(201);
    const sent = await mails(3);
    expect(new Set(sent.keys())).toEqual(new Set([w.coordinator, w.refA, w.refB].map(emailOf)));
    const italian = sent.get(emailOf(w.refA));
    expect(italian?.subject).toBe(
      "Convocazione: WP1 Servizi digitali – Seduta ordinaria, martedì 24 marzo 2026, 10:00–12:00",
    );
    expect(italian?.calendarType).toBe("text/calendar; charset=utf-8; method=REQUEST");
    expect(italian?.ics).toMatch(/^METHOD:REQUEST\r$/m);
    expect(italian?.event).toMatchObject({ uid: `${res.body.id}@tavoli`, sequence: 0, status: "CONFIRMED" });
    expect(italian?.text).toContain("Buongiorno Anna Referente A,");
    expect(italian?.text).toContain(`Collegamento: ${res.body.videoLink.url}`);
    expect(italian?.text).toContain("1 punto riservato: consultare Tavoli");
    expect(italian?.html).toContain(`<a href="${res.body.videoLink.url}">`);
    const en = sent.get(emailOf(w.refB));
    expect(en?.subject).toBe(
      "Meeting convened: WP1 Servizi digitali – Seduta ordinaria, Tuesday 24 March 2026, 10:00–12:00",
    );
    expect(en?.text).toContain("1 confidential item: see Tavoli");
  });

  it("rescheduling tells everyone where the sitting was, with the same UID and a higher SEQUENCE", async () => {
    const { body } = await convene(s, w.coordinator.token, w.openTable, {
      title: "Bilancio <b>2026</b> & varie",
    });
    await mails(3);
    const moved = await s.api("POST", `/api/v1/meetings/${body.id}/reschedule`, {
      token: w.coordinator.token,
      body: { startsAt: "2026-03-26T15:00", endsAt: "2026-03-26T16:00", reason: "Sala occupata" },
    });
    expect(moved.status).toBe(200);
    const sent = await mails(3);
    const mail = sent.get(emailOf(w.refA));
    expect(mail?.subject).toBe(
      "Riunione spostata: WP1 Servizi digitali – Bilancio <b>2026</b> & varie, giovedì 26 marzo 2026, 15:00–16:00",
    );
    expect(mail?.text).toContain("In precedenza: martedì 24 marzo 2026, 10:00–12:00.");
    expect(mail?.text).toContain("Motivo: Sala occupata");
    expect(mail?.html).toContain("Bilancio &lt;b&gt;2026&lt;/b&gt; &amp; varie");
    expect(mail?.html).not.toContain("<b>2026</b>");
    expect(mail?.event).toMatchObject({ uid: `${body.id}@tavoli`, sequence: 1 });
    expect(mail?.event?.start.toISOString()).toBe("2026-03-26T14:00:00.000Z");
  });

  it("cancelling sends METHOD:CANCEL, without the link, to everyone convened", async () => {
    const { body } = await convene(s, w.coordinator.token, w.openTable);
    await mails(3);
    await s.api("POST", `/api/v1/meetings/${body.id}/cancel`, {
      token: w.coordinator.token,
      body: { reason: "Sciopero dei trasporti" },
    });
    const sent = await mails(3);
    expect(new Set(sent.keys())).toEqual(new Set([w.coordinator, w.refA, w.refB].map(emailOf)));
    const mail = sent.get(emailOf(w.coordinator));
    expect(mail?.subject).toMatch(/^Riunione annullata: WP1 Servizi digitali – Seduta ordinaria, /);
    expect(mail?.calendarType).toBe("text/calendar; charset=utf-8; method=CANCEL");
    expect(mail?.ics).toMatch(/^METHOD:CANCEL\r$/m);
    expect(mail?.event).toMatchObject({ uid: `${body.id}@tavoli`, sequence: 1, status: "CANCELLED" });
    expect(mail?.text).toContain("Motivo: Sciopero dei trasporti");
    expect(mail?.everything).not.toContain(body.videoLink.url);
  });

  it("invites the delegate a referent sends in their place", async () => {
    const { body } = await convene(s, w.coordinator.token, w.openTable);
    await mails(3);
    const answer = await s.api("PUT", `/api/v1/meetings/${body.id}/rsvps/me`, {
      token: w.refA.token,
      body: { answer: "delega", delegateId: w.colleagueA.id },
    });
    expect(answer.status).toBe(200);
    const mail = (await mails(1)).get(emailOf(w.colleagueA));
    expect(mail?.subject).toMatch(/^Convocazione su delega: WP1 Servizi digitali – Seduta ordinaria, /);
    expect(mail?.text).toContain("Delega di Anna Referente A (Comune di Caltagirone).");
    expect(mail?.text).toContain(body.videoLink.url);
    expect(mail?.ics).toMatch(/^METHOD:REQUEST\r$/m);
  });

  it("tells a referent a change leaves out that they are no longer convened, and erased people nothing", async () => {
    const leaving = await s.createPerson({ name: "Lia In Uscita" });
    await s.c.designations.insertOne({
      _id: new ObjectId(),
      agreementId: new ObjectId(w.agreementId),
      tableId: new ObjectId(w.openTable),
      organisationId: new ObjectId(w.orgB),
      personId: new ObjectId(leaving.id),
      kind: "standing",
      meetingRef: null,
      from: "2026-01-01",
      to: "2026-03-31",
      substitutedById: null,
      substitutesId: null,
      createdAt: new Date(),
      createdBy: null,
    });
    const { body } = await convene(s, w.coordinator.token, w.openTable);
    await mails(4);
    expect((await s.api("DELETE", "/api/v1/people/me", { token: w.refA.token })).status).toBe(204);
    await s.api("POST", `/api/v1/meetings/${body.id}/reschedule`, {
      token: w.coordinator.token,
      body: { startsAt: "2026-04-02T10:00", endsAt: "2026-04-02T12:00" },
    });
    const sent = await mails(3);
    expect(new Set(sent.keys())).toEqual(new Set([w.coordinator, w.refB, leaving].map(emailOf)));
    const mail = sent.get(emailOf(leaving));
    expect(mail?.subject).toMatch(/^Convocazione revocata: /);
    expect(mail?.ics).toMatch(/^METHOD:CANCEL\r$/m);
    expect(mail?.everything).not.toContain(body.videoLink.url);
  });
});

describe("meeting invitations in the dev outbox (no SMTP configured)", () => {
  let s: TestServer;
  afterAll(() => s.close());

  it("keeps each invitation beside its mail", async () => {
    s = await startTestServer();
    const w = await meetingWorld(s);
    const { body } = await convene(s, w.coordinator.token, w.openTable);
    // Delivered means stored in the outbox: once the dispatcher has drained, all three are there.
    await s.drain();
    for (let n = 0; n < 3; n++) await s.nextMail(0);
    const stored: any[] = await s.c.outbox.find().toArray();
    expect(stored).toHaveLength(3);
    for (const mail of stored) {
      expect(mail.icalEvent).toMatchObject({ method: "REQUEST", filename: "invito.ics" });
      expect(mail.icalEvent.content).toContain(`UID:${body.id}@tavoli`);
      expect(JSON.stringify(mail)).not.toContain("CANARY");
    }
  });
});
