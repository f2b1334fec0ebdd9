import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";

describe("dev outbox", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  /** The mail is sent in the background after the 202: wait until it lands. */
  async function outboxFor(email: string) {
    for (let attempt = 0; attempt < 50; attempt++) {
      const mail = await s.c.outbox.findOne({ to: email }, { sort: { _id: -1 } });
      if (mail) return mail;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no mail for ${email}`);
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
});
