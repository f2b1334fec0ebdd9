import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { type FakeSmtp, startFakeSmtp, startSmtpGate } from "../../../test/support/smtp.ts";
import { LOGIN_LINK_REQUESTED } from "./login-links.ts";

const TOKEN = /\/auth\/verify\?token=([A-Za-z0-9_-]+)/;

describe("the login mail, sent by the durable dispatcher", () => {
  let s: TestServer;
  let smtp: FakeSmtp;
  let gate: Awaited<ReturnType<typeof startSmtpGate>>;
  beforeAll(async () => {
    smtp = await startFakeSmtp();
    gate = await startSmtpGate(smtp);
    // No polling to speak of: only the wake-up by the stored request can make the mail leave in time.
    s = await startTestServer({ env: { SMTP_URL: gate.url, DISPATCH_POLL_MS: "60000" } });
  });
  afterAll(async () => {
    await s.close();
    await gate.close();
    await smtp.close();
  });

  const ask = (email: string) => s.api("POST", "/api/v1/auth/login-links", { body: { email } });

  it("leaves within a second of the request on the real clock, and its link logs in", async () => {
    const p = await s.createPerson();
    const started = performance.now();
    expect((await ask(p.person.email)).status).toBe(202);
    const mail = await smtp.next(1000);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(mail.to).toEqual([p.person.email]);
    const token = TOKEN.exec(mail.body)?.[1] ?? "";
    expect((await s.api("POST", "/api/v1/auth/sessions", { body: { token } })).status).toBe(201);
  });

  it("stores the request, not the link: the event names the person only, the token is only in the mail", async () => {
    const p = await s.createPerson();
    await ask(p.person.email);
    const mail = await smtp.next();
    const token = TOKEN.exec(mail.body)?.[1] ?? "";
    const record = await s.c.audit.findOne({ type: LOGIN_LINK_REQUESTED, entityId: p.person._id });
    expect(record).toMatchObject({
      action: "login_link.requested",
      payload: { personId: p.id },
      dispatch: "done",
    });
    expect(JSON.stringify(await s.c.audit.find({ entityId: p.person._id }).toArray())).not.toContain(token);
  });

  it("survives a mail server outage: the mail waits for its retry instead of being lost", async () => {
    const p = await s.createPerson();
    gate.state.open = false;
    try {
      await ask(p.person.email);
      await s.drain();
      const failed = await s.c.deliveries.findOne({
        subscriber: "login-mail",
        type: LOGIN_LINK_REQUESTED,
        state: "pending",
      });
      expect(failed?.attempts).toBe(1);
      expect(failed?.lastError).toEqual(expect.any(String));
    } finally {
      gate.state.open = true;
    }
    s.clock.now = new Date(s.clock.now.getTime() + 1000); // the first retry waits at most a second
    await s.drain();
    expect((await smtp.next()).to).toEqual([p.person.email]);
    expect(await s.c.deliveries.countDocuments({ state: { $ne: "done" } })).toBe(0);
  });

  it("drops a request older than a link's lifetime instead of mailing a late link", async () => {
    const p = await s.createPerson();
    gate.state.open = false;
    try {
      await ask(p.person.email);
      await s.drain();
    } finally {
      gate.state.open = true;
    }
    // The failed attempt issued a link nobody received (it expires unused); the late one issues none.
    const issued = await s.c.loginLinks.countDocuments({ personId: p.person._id });
    s.clock.now = new Date(s.clock.now.getTime() + 15 * 60_000 + 1000);
    await s.drain();
    expect(await s.c.deliveries.findOne({ recordId: { $exists: true }, state: { $ne: "done" } })).toBeNull();
    expect(await s.c.loginLinks.countDocuments({ personId: p.person._id })).toBe(issued);
    expect(smtp.received.some((mail) => mail.to.includes(p.person.email))).toBe(false);
  });
});
