import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { type FakeSmtp, startFakeSmtp, startSmtpGate } from "../../../test/support/smtp.ts";
import { TOMORROW } from "../designations/test-fixtures.ts";
import { convene, meetingWorld } from "../meetings/test-fixtures.ts";

/**
 * Issue 13, item 2: notice mails are durable subscribers. At least once means a delivery may run twice
 * (an instance dies after the SMTP answer, before the delivery is done): the mails must not repeat. And a
 * mail server outage must delay them, never lose them.
 */
describe("notice mails through the durable dispatcher", () => {
  let smtp: FakeSmtp;
  let gate: Awaited<ReturnType<typeof startSmtpGate>>;
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  beforeAll(async () => {
    smtp = await startFakeSmtp();
    gate = await startSmtpGate(smtp);
    s = await startTestServer({ env: { SMTP_URL: gate.url } });
    w = await meetingWorld(s);
  });
  afterAll(async () => {
    await s.close();
    await gate.close();
    await smtp.close();
  });

  const convenedEmails = () => new Set([w.coordinator, w.refA, w.refB].map((p) => p.person.email));
  const recipients = (from: number) => smtp.received.slice(from).map((mail) => mail.to[0]);

  /** The delivery to `subscriber` of the record carrying `type` about `entityId` (or matching `where`). */
  async function deliveryOf(subscriber: string, type: string, where: string | Record<string, unknown>) {
    const about = typeof where === "string" ? { entityId: new ObjectId(where) } : where;
    const record = await s.c.audit.findOne({ type, ...about });
    expect(record, `a stored ${type}`).not.toBeNull();
    return s.c.deliveries.findOne({ subscriber, recordId: record?._id });
  }

  /** As if the instance running it had died once its handler had sent everything: its lease runs out. */
  async function crashAfterSend(deliveryId: ObjectId) {
    await s.c.deliveries.updateOne(
      { _id: deliveryId },
      {
        $set: {
          state: "running",
          owner: "an-instance-that-died",
          leaseUntil: new Date(s.clock.now.getTime() - 1),
          doneAt: null,
        },
      },
    );
  }

  it("sends a convocation once even when its delivery runs again after a crash", async () => {
    const before = smtp.received.length;
    const { body } = await convene(s, w.coordinator.token, w.openTable);
    await s.drain();
    expect(new Set(recipients(before))).toEqual(convenedEmails());
    expect(recipients(before)).toHaveLength(3);
    const delivery = await deliveryOf("meeting-mail", "meeting.convened", body.id);
    expect(delivery).toMatchObject({ state: "done", attempts: 1 });

    await crashAfterSend(delivery?._id as ObjectId);
    await s.drain();
    // Run again (taken over), and done: yet nobody has a second invitation.
    expect(await s.c.deliveries.findOne({ _id: delivery?._id })).toMatchObject({
      state: "done",
      attempts: 2,
    });
    expect(recipients(before)).toHaveLength(3);
    expect(await s.c.sentMails.countDocuments({ eventId: delivery?.recordId })).toBe(3);
  });

  it("sends, on a repeated delivery, only the mails that had not left", async () => {
    const before = smtp.received.length;
    const { body } = await convene(s, w.coordinator.token, w.openTable);
    await s.drain();
    expect(recipients(before)).toHaveLength(3);
    const delivery = await deliveryOf("meeting-mail", "meeting.convened", body.id);
    // The mail to referent A never left (the process died before it): only its record is missing.
    await s.c.sentMails.deleteOne({ eventId: delivery?.recordId, personId: new ObjectId(w.refA.id) });
    await crashAfterSend(delivery?._id as ObjectId);
    await s.drain();
    expect(recipients(before)).toHaveLength(4);
    expect(recipients(before + 3)).toEqual([w.refA.person.email]);
  });

  it("retries a convocation the mail server could not take, and it then arrives, once each", async () => {
    const before = smtp.received.length;
    gate.state.open = false;
    let meetingId = "";
    try {
      const { body } = await convene(s, w.coordinator.token, w.openTable);
      meetingId = body.id;
      await s.drain();
      const failed = await deliveryOf("meeting-mail", "meeting.convened", meetingId);
      expect(failed).toMatchObject({ state: "pending", attempts: 1, lastError: expect.any(String) });
      // A failure is reported without the addresses it was for.
      expect(failed?.lastError).not.toContain("@");
      expect(recipients(before)).toEqual([]);
    } finally {
      gate.state.open = true;
    }
    s.clock.now = new Date(s.clock.now.getTime() + 1000); // the first retry waits at most a second
    await s.drain();
    expect(new Set(recipients(before))).toEqual(convenedEmails());
    expect(recipients(before)).toHaveLength(3);
    expect(await deliveryOf("meeting-mail", "meeting.convened", meetingId)).toMatchObject({
      state: "done",
      attempts: 2,
    });
  });

  it("sends a substitution notice once per person even when its delivery runs twice", async () => {
    const before = smtp.received.length;
    const designation = await s.c.designations.findOne({
      personId: new ObjectId(w.refB.id),
      tableId: new ObjectId(w.openTable),
    });
    const replaced = await s.api("POST", `/api/v1/designations/${designation?._id}/substitute`, {
      token: w.admin.token,
      body: { personId: (await s.createPerson({ name: "Bruno Nuovo B" })).id, from: TOMORROW },
    });
    expect(replaced.status).toBe(201);
    await s.drain();
    const told = recipients(before);
    expect(told.length).toBeGreaterThan(0);
    expect(new Set(told).size).toBe(told.length);
    const delivery = await deliveryOf("substitution-mail", "referent.substituted", {
      "payload.previousDesignationId": String(designation?._id),
    });
    await crashAfterSend(delivery?._id as ObjectId);
    await s.drain();
    expect(await s.c.deliveries.findOne({ _id: delivery?._id })).toMatchObject({
      state: "done",
      attempts: 2,
    });
    expect(recipients(before)).toEqual(told);
  });

  it("gives up at once on an address the mail server refuses (550), after mailing everyone else", async () => {
    // Run last: the refusal stays for the rest of this file's server.
    smtp.refuse(w.refA.person.email);
    const before = smtp.received.length;
    const { body } = await convene(s, w.coordinator.token, w.openTable);
    await s.drain();
    const told = recipients(before);
    expect(told).toHaveLength(2);
    expect(told).toContain(w.coordinator.person.email);
    expect(told).not.toContain(w.refA.person.email);
    const delivery = await deliveryOf("meeting-mail", "meeting.convened", body.id);
    // Dead after one attempt (retrying cannot make the mailbox exist), for an admin to see; no address kept.
    expect(delivery).toMatchObject({ state: "dead", attempts: 1 });
    expect(delivery?.lastError).toMatch(/1 of 3 mails .* failed.*550/);
    expect(delivery?.lastError).not.toContain(w.refA.person.email);
  });
});
