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

  it("refuses the 6th request for one address within 15 minutes, with Retry-After", async () => {
    freshWindow();
    const p = await s.createPerson();
    for (let n = 0; n < 5; n++) expect((await ask(p.person.email)).status).toBe(202);
    const sixth = await s.api("POST", "/api/v1/auth/login-links", {
      body: { email: p.person.email },
      lang: "en",
    });
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe("rate_limited");
    expect(sixth.body.error.message).toMatch(/Too many requests/);
    expect(sixth.headers.get("retry-after")).toBe(String(14 * 60));
    expect(await s.c.loginLinks.countDocuments({ personId: p.person._id })).toBe(5);
    expect((await ask("altro@comune.example.it")).status).toBe(202);
    s.clock.now = new Date(s.clock.now.getTime() + WINDOW);
    expect((await ask(p.person.email)).status).toBe(202);
  });

  it("counts an unknown address too, so the limit reveals nothing", async () => {
    freshWindow();
    for (let n = 0; n < 5; n++) expect((await ask("ignoto@comune.example.it")).status).toBe(202);
    expect((await ask("ignoto@comune.example.it")).status).toBe(429);
  });

  it("holds under a concurrent burst: exactly five get through, none fails", async () => {
    freshWindow();
    const p = await s.createPerson();
    const statuses = await Promise.all(
      Array.from({ length: 10 }, () => ask(p.person.email).then((r) => r.status)),
    );
    expect(statuses.filter((status) => status === 202)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);
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
