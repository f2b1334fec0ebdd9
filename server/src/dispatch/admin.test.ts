import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { type FakeSmtp, startFakeSmtp, startSmtpGate } from "../../../test/support/smtp.ts";

describe("dead deliveries, for installation admins", () => {
  let s: TestServer;
  let smtp: FakeSmtp;
  let gate: Awaited<ReturnType<typeof startSmtpGate>>;
  let admin: { id: string; token: string };
  let someone: { token: string };
  const victims: { id: string; email: string }[] = [];

  beforeAll(async () => {
    smtp = await startFakeSmtp();
    gate = await startSmtpGate(smtp);
    s = await startTestServer({ env: { SMTP_URL: gate.url, DISPATCH_MAX_ATTEMPTS: "2" } });
    admin = await s.createPerson({ admin: true });
    someone = await s.createPerson();
    // The mail server is down for two login mails, through both attempts: both deliveries die.
    gate.state.open = false;
    for (let n = 0; n < 2; n++) {
      const p = await s.createPerson();
      victims.push({ id: p.id, email: p.person.email });
      await s.api("POST", "/api/v1/auth/login-links", { body: { email: p.person.email } });
    }
    await s.drain();
    s.clock.now = new Date(s.clock.now.getTime() + 1000);
    await s.drain();
    gate.state.open = true;
  });
  afterAll(async () => {
    await s.close();
    await gate.close();
    await smtp.close();
  });

  const list = (query: string, token?: string) => s.api("GET", `/api/v1/admin/deliveries${query}`, { token });

  it("lists them, page by page, with what went wrong", async () => {
    const first = await list("?limit=1", admin.token);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0]).toMatchObject({
      subscriber: "login-mail",
      type: "person.login_link_requested",
      state: "dead",
      attempts: 2,
      lastError: expect.any(String),
      stream: `person:${victims[0]?.id}`,
    });
    const second = await list(`?limit=1&cursor=${first.body.nextCursor}`, admin.token);
    expect(second.body.items.map((d: { stream: string }) => d.stream)).toEqual([`person:${victims[1]?.id}`]);
    expect(second.body.nextCursor).toBeNull();
    expect((await list("?state=pending", admin.token)).body.items).toEqual([]);
    expect((await list("?state=done", admin.token)).status).toBe(400);
  });

  it("refuses anyone but an installation admin", async () => {
    expect((await list("")).status).toBe(401);
    const refused = await list("", someone.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("forbidden");
  });

  it("retries a dead one for an admin only, audited, and the mail then goes out", async () => {
    const [dead] = (await list("?limit=1", admin.token)).body.items;
    const retry = (token?: string, id = dead.id) =>
      s.api("POST", `/api/v1/admin/deliveries/${id}/retry`, { token });

    expect((await retry()).status).toBe(401);
    expect((await retry(someone.token)).status).toBe(403);
    expect(await s.c.deliveries.countDocuments({ state: "dead" })).toBe(2);

    const retried = await retry(admin.token);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: dead.id, state: "pending", attempts: 0 });
    const audit = await s.c.audit.findOne({ action: "delivery.retried" });
    expect(audit).toMatchObject({
      entity: "delivery",
      actorId: expect.anything(),
      before: { state: "dead", attempts: 2 },
      after: { state: "pending", attempts: 0 },
      type: null,
    });
    expect(audit?.actorId?.toHexString()).toBe(admin.id);
    expect(audit?.entityId.toHexString()).toBe(dead.id);

    await s.drain();
    expect((await smtp.next()).to).toEqual([victims[0]?.email]);
    expect(await s.c.deliveries.findOne({ state: "done", stream: `person:${victims[0]?.id}` })).toMatchObject(
      {
        attempts: 1,
      },
    );

    const again = await retry(admin.token);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("delivery_not_dead");
    expect((await retry(admin.token, "6650f1c2a1b2c3d4e5f60718")).status).toBe(404);
    expect((await retry(admin.token, "not-an-id")).body.error.code).toBe("invalid_id");
  });
});
