import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { LOGIN_LIMITS } from "./rate-limit.ts";

const WINDOW = LOGIN_LIMITS.windowMs;

describe("login rate limits (shared through MongoDB)", () => {
  let s: TestServer;
  const ask = (email: string, headers: Record<string, string> = {}) =>
    s.api("POST", "/api/v1/auth/login-links", { body: { email }, headers });
  /** Puts the clock one minute into a fresh window, so a burst never straddles two windows. */
  const freshWindow = () => {
    s.clock.now = new Date((Math.floor(s.clock.now.getTime() / WINDOW) + 1) * WINDOW + 60_000);
  };

  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  /** Waits for the next `count` mails to be delivered (they go out in the background after the 202); their recipients. */
  async function delivered(count: number): Promise<string[]> {
    const recipients: string[] = [];
    for (let n = 0; n < count; n++) recipients.push((await s.nextMail()).to);
    return recipients;
  }

  /** The login token in the newest mail in the outbox for an address. */
  async function newestMailedToken(email: string) {
    const [mail] = await s.c.outbox.find({ to: email }).sort({ _id: -1 }).limit(1).toArray();
    return /token=([\w-]+)/.exec(mail?.text ?? "")?.[1] ?? "";
  }

  it("sends at most 5 mails per address per window, yet never locks the person out", async () => {
    freshWindow();
    const victim = await s.createPerson();
    // Someone else hammers the victim's address: always the same 202, never a 429.
    for (let n = 0; n < 8; n++) expect((await ask(victim.person.email)).status).toBe(202);
    expect(await delivered(5)).toEqual(Array(5).fill(victim.person.email));
    const mails = await s.c.outbox.countDocuments({ to: victim.person.email });
    expect(mails).toBe(5);
    // No sixth mail is on its way: once the dispatcher has handled every stored request, five links exist.
    await s.drain();
    expect(await s.c.loginLinks.countDocuments({ personId: victim.person._id })).toBe(5);
    expect(
      await s.c.audit.countDocuments({ action: "login_link.requested", entityId: victim.person._id }),
    ).toBe(5);

    // The person asks too: same answer, no sixth mail, and the newest link in their inbox still works.
    s.clock.now = new Date(s.clock.now.getTime() + 10 * 60_000);
    const own = await ask(victim.person.email);
    expect(own.status).toBe(202);
    await s.drain();
    expect(await s.c.loginLinks.countDocuments({ personId: victim.person._id })).toBe(5);
    const token = await newestMailedToken(victim.person.email);
    const session = await s.api("POST", "/api/v1/auth/sessions", { body: { token } });
    expect(session.status).toBe(201);
    expect(await s.c.outbox.countDocuments({ to: victim.person.email })).toBe(5);

    s.clock.now = new Date(s.clock.now.getTime() + WINDOW);
    await ask(victim.person.email);
    expect(await delivered(1)).toEqual([victim.person.email]);
    expect(await s.c.outbox.countDocuments({ to: victim.person.email })).toBe(6);
  });

  it("answers an unknown address exactly like a known one, however often (no counter to probe)", async () => {
    freshWindow();
    for (let n = 0; n < 8; n++) expect((await ask("ignoto@comune.example.it")).status).toBe(202);
    expect(
      await s.c.rateBuckets.countDocuments({ key: /^login:email:/, expiresAt: { $gt: s.clock.now } }),
    ).toBe(0);
  });

  it("holds under a concurrent burst: exactly five links are issued, every request gets 202", async () => {
    freshWindow();
    const p = await s.createPerson();
    const statuses = await Promise.all(
      Array.from({ length: 10 }, () => ask(p.person.email).then((r) => r.status)),
    );
    expect(statuses.filter((status) => status === 202)).toHaveLength(10);
    await s.drain();
    expect(await s.c.loginLinks.countDocuments({ personId: p.person._id })).toBe(5);
  });

  it("counts every hit of a concurrent burst from one IP: exactly 30 pass, the rest get 429", async () => {
    freshWindow();
    const statuses = await Promise.all(
      Array.from({ length: 36 }, (_, n) => ask(`raffica${n}@comune.example.it`).then((r) => r.status)),
    );
    expect(statuses.filter((status) => status === 202)).toHaveLength(30);
    expect(statuses.filter((status) => status === 429)).toHaveLength(6);
  });

  it("limits one IP to 30 requests per window, ignoring X-Forwarded-For unless the proxy is trusted", async () => {
    freshWindow();
    const forged = { "x-forwarded-for": "198.51.100.7" };
    for (let n = 0; n < 30; n++)
      expect((await ask(`persona${n}@comune.example.it`, forged)).status).toBe(202);
    expect((await ask("persona31@comune.example.it", forged)).status).toBe(429);
    const keys = (await s.c.rateBuckets.find({ key: /^login:ip:/ }).toArray()).map((b) => b.key);
    expect(
      keys.every(
        (key) => key.startsWith("login:ip:127.0.0.1:") || key.startsWith("login:ip:::ffff:127.0.0.1:"),
      ),
    ).toBe(true);
  });

  it("sweeps the buckets of windows that are over and keeps no readable address", async () => {
    const expired = () => s.c.rateBuckets.countDocuments({ expiresAt: { $lte: s.clock.now } });
    freshWindow();
    expect(await expired()).toBeGreaterThan(0);
    await ask("nuova@comune.example.it");
    expect(await expired()).toBe(0);
    const keys = (await s.c.rateBuckets.find({}).toArray()).map((b) => b.key);
    expect(keys.join(" ")).not.toContain("@");
  });

  it("behind a trusted proxy counts per forwarded client", async () => {
    const proxied = await startTestServer({ env: { TRUST_PROXY: "true" } });
    try {
      const from = (ip: string) => ({ "x-forwarded-for": `10.9.9.9, ${ip}` });
      for (let n = 0; n < 30; n++) {
        await proxied.api("POST", "/api/v1/auth/login-links", {
          body: { email: `a${n}@x.example.it` },
          headers: from("203.0.113.9"),
        });
      }
      const blocked = await proxied.api("POST", "/api/v1/auth/login-links", {
        body: { email: "z@x.example.it" },
        headers: from("203.0.113.9"),
      });
      expect(blocked.status).toBe(429);
      const other = await proxied.api("POST", "/api/v1/auth/login-links", {
        body: { email: "z@x.example.it" },
        headers: from("203.0.113.10"),
      });
      expect(other.status).toBe(202);
    } finally {
      await proxied.close();
    }
  });
});
