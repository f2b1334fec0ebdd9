import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { type FakeSmtp, startFakeSmtp } from "../../../test/support/smtp.ts";
import { convene, meetingWorld } from "../meetings/test-fixtures.ts";

// meetingBody's sitting: 24 March 2026 10:00 Rome = 09:00Z.
const HOUR_BEFORE = new Date("2026-03-24T08:00:00Z");

describe("an e-mail reminder to an address the mail server refuses", () => {
  let smtp: FakeSmtp;
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  beforeAll(async () => {
    smtp = await startFakeSmtp();
    s = await startTestServer({ env: { SMTP_URL: smtp.url } });
    w = await meetingWorld(s);
  });
  afterAll(async () => {
    await s.close();
    await smtp.close();
  });

  it("fails at the first 550 and is not retried; the others' reminders go", async () => {
    for (const person of [w.refA, w.refB])
      await s.api("PUT", "/api/v1/people/me/reminder-preferences", {
        token: person.token,
        body: { leadMinutes: [60], channels: { email: true, slack: false, push: false } },
      });
    smtp.refuse(w.refA.person.email);
    const res = await convene(s, w.coordinator.token, w.openTable);
    expect(res.status).toBe(201);
    await s.drain();
    s.clock.now = HOUR_BEFORE;
    await s.drain();
    const reminded = smtp.received.filter((mail) => /^Subject: .*Promemoria/im.test(mail.raw));
    const to = reminded.map((mail) => mail.to[0]);
    expect(to.filter((address) => address === w.refB.person.email)).toHaveLength(1);
    expect(to).not.toContain(w.refA.person.email);
    const refused = await s.c.reminderOccurrences.findOne({
      meetingId: new ObjectId(res.body.id as string),
      personId: new ObjectId(w.refA.id),
      kind: "before",
    });
    expect(refused).toMatchObject({ state: "failed", attempts: 1 });
    const tries = await s.c.reminderDeliveries.find({ occurrenceId: refused?._id }).toArray();
    expect(tries.map((t) => t.status)).toEqual(["failed"]);
    expect(tries[0]?.error).toMatch(/550/);
    expect(tries[0]?.error).not.toContain(w.refA.person.email);
    // Later, nothing more is tried.
    s.clock.now = new Date(HOUR_BEFORE.getTime() + 10 * 60_000);
    await s.drain();
    expect(await s.c.reminderDeliveries.countDocuments({ occurrenceId: refused?._id })).toBe(1);
  });
});
