import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { type FakeSmtp, startFakeSmtp } from "../../../test/support/smtp.ts";
import { TOMORROW } from "../designations/test-fixtures.ts";
import { meetingWorld } from "../meetings/test-fixtures.ts";
import { readMail } from "./test-mail.ts";

/** DOMAIN rule 3: a substitution reaches the table's people by e-mail, not only through Slack. */
describe("substitution notices by e-mail", () => {
  let smtp: FakeSmtp;
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  let taken = 0;
  beforeAll(async () => {
    smtp = await startFakeSmtp();
    s = await startTestServer({ env: { SMTP_URL: smtp.url } });
    w = await meetingWorld(s);
    await s.c.people.updateOne({ _id: new ObjectId(w.refB.id) }, { $set: { locale: "en" } });
  });
  afterAll(async () => {
    await s.close();
    await smtp.close();
  });

  const designationOf = async (personId: string) =>
    (
      await s.c.designations.findOne({ personId: new ObjectId(personId), tableId: new ObjectId(w.openTable) })
    )?._id.toHexString();
  const substitute = async (token: string, personId: string, by: string) =>
    s.api("POST", `/api/v1/designations/${await designationOf(personId)}/substitute`, {
      token,
      body: { personId: by, from: TOMORROW },
    });
  const take = async (count: number) => {
    // Drained: every mail of the events stored so far has reached the SMTP server, and no other.
    await s.drain();
    expect(smtp.received.length - taken, "exactly the mails of what happened").toBe(count);
    taken += count;
    const mails = [];
    for (let i = 0; i < count; i++) mails.push(readMail(await smtp.next()));
    return new Map(mails.map((mail) => [mail.to[0], mail]));
  };

  it("tells the table's referents and coordinators, each once and in their language", async () => {
    const replaced = await substitute(w.refA.token, w.refA.id, w.colleagueA.id);
    expect(replaced.status).toBe(201);
    const first = await take(3);
    expect(new Set(first.keys())).toEqual(
      new Set([w.colleagueA, w.refB, w.coordinator].map((p) => p.person.email)),
    );
    const italian = first.get(w.coordinator.person.email);
    expect(italian?.subject).toBe("Sostituzione del referente: Comune di Caltagirone – WP1 Servizi digitali");
    expect(italian?.text).toContain("Buongiorno Carla Coordinatrice,");
    expect(italian?.text).toContain(
      "Comune di Caltagirone ha sostituito Anna Referente A con Aldo Collega A come referente al tavolo «WP1 Servizi digitali» dal giorno 11 marzo 2026.",
    );
    const english = first.get(w.refB.person.email);
    expect(english?.subject).toBe("Referent replaced: Comune di Caltagirone – WP1 Servizi digitali");
    expect(english?.text).toContain("from 11 March 2026");

    // The mails of one substitution all leave before the next one's: none more went to the first.
    const newB = await s.createPerson({ name: "Bianca Nuova B" });
    expect((await substitute(w.admin.token, w.refB.id, newB.id)).status).toBe(201);
    const second = await take(3);
    expect(new Set(second.keys())).toEqual(
      new Set([w.colleagueA, newB, w.coordinator].map((p) => p.person.email)),
    );
    expect(smtp.received.map((m) => m.to[0])).not.toContain(w.refA.person.email);
  });
});
