import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nonLoopbackSource } from "../../../test/support/non-loopback.ts";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { loadConfig } from "../config.ts";
import { mailDeliveryWarning } from "./dev-outbox-guard.ts";

describe("dev outbox", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  /** The mail is sent in the background after the 202: wait for its delivery, then read it from the outbox. */
  async function outboxFor(email: string) {
    expect((await s.nextMail()).to).toBe(email);
    const mail = await s.c.outbox.findOne({ to: email }, { sort: { _id: -1 } });
    if (!mail) throw new Error(`no mail for ${email} in the outbox`);
    return mail;
  }

  it("lists the latest mails, newest first, with escaped text and clickable links", async () => {
    const first = await s.createPerson({ name: "Prima Persona" });
    const second = await s.createPerson({ name: '<img src=x onerror="alert(1)"> & Co' });
    await s.api("POST", "/api/v1/auth/login-links", { body: { email: first.person.email } });
    await outboxFor(first.person.email);
    await s.api("POST", "/api/v1/auth/login-links", { body: { email: second.person.email } });
    const mail = await outboxFor(second.person.email);

    const response = await fetch(`${s.url}/dev/outbox`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain("Email di sviluppo");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; Co");
    const url = /https?:\/\/\S+\/auth\/verify\?token=[\w-]+/.exec(mail.text)?.[0] ?? "missing";
    expect(html).toContain(`<a href="${url}">`);
    expect(html.indexOf(second.person.email)).toBeLessThan(html.indexOf(first.person.email));

    const json = await s.api("GET", "/api/v1/dev/outbox");
    expect(json.status).toBe(200);
    expect(json.body.items.map((m: { to: string }) => m.to).slice(0, 2)).toEqual([
      second.person.email,
      first.person.email,
    ]);
    expect(json.body.items[0].text).toContain(url);
  });

  it("is not there when real SMTP is configured", async () => {
    const withSmtp = await startTestServer({ env: { SMTP_URL: "smtp://127.0.0.1:9" } });
    try {
      const page = await withSmtp.api("GET", "/dev/outbox");
      expect(page.status).toBe(404);
      expect(page.body.error.code).toBe("route_not_found");
      expect((await withSmtp.api("GET", "/api/v1/dev/outbox")).body.error.code).toBe("route_not_found");
    } finally {
      await withSmtp.close();
    }
  });

  it("answers 404 to a client that is not on loopback, 200 to one that is, whatever the headers say", async (t) => {
    const source = nonLoopbackSource();
    if ("skip" in source) return t.skip(source.skip);
    const open = await startTestServer({ hostname: "0.0.0.0" });
    try {
      const person = await open.createPerson();
      await open.api("POST", "/api/v1/auth/login-links", { body: { email: person.person.email } });
      const port = new URL(open.url).port;
      for (const path of ["/dev/outbox", "/api/v1/dev/outbox"]) {
        const remote = await source.get(Number(port), path);
        expect(remote.status, `${path} from ${source.address}`).toBe(404);
        expect(JSON.parse(remote.body).error.code).toBe("route_not_found");
        expect(remote.body).not.toContain("/auth/verify?token=");
        expect((await fetch(open.url + path)).status, `${path} from loopback`).toBe(200);
      }
      // A local reverse proxy makes everyone look local: a forwarded request is never trusted.
      const forwarded = await open.api("GET", "/api/v1/dev/outbox", {
        headers: { "x-forwarded-for": "127.0.0.1" },
      });
      expect(forwarded.status).toBe(404);
    } finally {
      source.close();
      await open.close();
    }
  });

  it("is never served on an https PUBLIC_URL or with NODE_ENV=production, even to loopback", async () => {
    const deployments: Record<string, string>[] = [
      { PUBLIC_URL: "https://tavoli.example.it" },
      { NODE_ENV: "production" },
    ];
    for (const env of deployments) {
      const deployed = await startTestServer({ env });
      try {
        expect((await deployed.api("GET", "/api/v1/dev/outbox")).status, JSON.stringify(env)).toBe(404);
        expect((await deployed.api("GET", "/dev/outbox")).status, JSON.stringify(env)).toBe(404);
        const home = await fetch(`${deployed.url}/`).then((r) => r.text());
        expect(home).not.toContain("/dev/outbox");
      } finally {
        await deployed.close();
      }
    }
  });
});

describe("mail delivery warning at start-up", () => {
  it("warns in one line when, without SMTP, the server is reachable from elsewhere", () => {
    for (const env of [{ HOST: "0.0.0.0" }, { HOST: "::" }, { PUBLIC_URL: "https://tavoli.example.it" }]) {
      const warning = mailDeliveryWarning(loadConfig(env));
      expect(warning, JSON.stringify(env)).toMatch(/SMTP_URL/);
      expect(warning).not.toContain("\n");
    }
  });

  it("stays quiet on a loopback demo start or with SMTP configured", () => {
    expect(loadConfig({}).host).toBe("127.0.0.1");
    expect(mailDeliveryWarning(loadConfig({}))).toBeNull();
    expect(mailDeliveryWarning(loadConfig({ HOST: "localhost" }))).toBeNull();
    expect(
      mailDeliveryWarning(loadConfig({ HOST: "0.0.0.0", SMTP_URL: "smtp://mail.example.it" })),
    ).toBeNull();
  });
});
