import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { type FakeSmtp, type ReceivedMail, startFakeSmtp } from "../../../test/support/smtp.ts";

const LINK = /http:\/\/[^\s"<>]+\/auth\/verify\?token=([A-Za-z0-9_-]+)/;

describe("login by magic link", () => {
  let s: TestServer;
  let smtp: FakeSmtp;
  beforeAll(async () => {
    smtp = await startFakeSmtp();
    s = await startTestServer({ env: { SMTP_URL: smtp.url } });
  });
  afterAll(async () => {
    await s.close();
    await smtp.close();
  });

  const person = (locale: "it" | "en" = "it") =>
    s.createPerson().then(async (p) => {
      if (locale === "en") await s.c.people.updateOne({ _id: p.person._id }, { $set: { locale } });
      return p;
    });

  async function mailedLink(email: string): Promise<{ mail: ReceivedMail; url: string; token: string }> {
    const asked = await s.api("POST", "/api/v1/auth/login-links", { body: { email } });
    expect(asked.status).toBe(202);
    const mail = await smtp.next();
    const match = LINK.exec(mail.body);
    if (!match?.[1]) throw new Error(`no link in mail:\n${mail.body}`);
    return { mail, url: match[0], token: match[1] };
  }

  /** Submits the landing page's form as a browser would. */
  async function verify(token: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${s.url}/auth/verify`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams({ token }),
      redirect: "manual",
    });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith("tavoli_session=")) ?? "";
    return {
      status: response.status,
      location: response.headers.get("location"),
      setCookie,
      html: await response.text(),
    };
  }

  const cookieOf = (setCookie: string) => setCookie.split(";")[0] ?? "";

  /** Whom the cookie set by a login signs in, as the browser would see it next: the person's id, or null. */
  async function signedInAs(setCookie: string): Promise<string | null> {
    const session = await s.api("GET", "/api/v1/auth/session", { headers: { cookie: cookieOf(setCookie) } });
    return session.status === 200 ? session.body.person.id : null;
  }

  it("emails an Italian link; the page asks for a click, the click logs in once and only once", async () => {
    const p = await person();
    const { mail, url, token } = await mailedLink(`  ${p.person.email.toUpperCase()} `);
    expect(mail.to).toEqual([p.person.email]);
    expect(mail.body).toMatch(/valido 15 minuti/);
    expect(url.startsWith(`${s.config.publicUrl}/auth/verify?token=`)).toBe(true);

    const landing = await fetch(`${s.url}/auth/verify?token=${token}`);
    const html = await landing.text();
    expect(landing.status).toBe(200);
    expect(html).toContain('<form method="post" action="/auth/verify">');
    expect(html).toContain("Accedi");
    expect(await s.c.loginLinks.countDocuments({ personId: p.person._id })).toBe(1);

    const first = await verify(token);
    expect(first.status).toBe(303);
    expect(first.location).toBe("/");
    expect(first.setCookie).toMatch(/HttpOnly/);
    expect(first.setCookie).toMatch(/SameSite=Lax/);
    expect(first.setCookie).toMatch(/Path=\//);
    expect(first.setCookie).not.toMatch(/Secure/);

    const session = await s.api("GET", "/api/v1/auth/session", {
      headers: { cookie: cookieOf(first.setCookie) },
    });
    expect(session.status).toBe(200);
    expect(session.body.person).toEqual({
      id: p.id,
      name: p.person.name,
      email: p.person.email,
      locale: "it",
    });
    expect(session.body.roles.isInstallationAdmin).toBe(false);
    expect(session.body.csrfToken).toEqual(expect.any(String));

    const again = await verify(token);
    expect(again.status).toBe(400);
    expect(again.setCookie).toBe("");
    expect(again.html).toContain("link_invalid");
    expect(again.html).toContain("Il link di accesso non è valido");
    expect(await s.c.sessions.countDocuments({ personId: p.person._id })).toBe(1);

    const audit = await s.c.audit.findOne({ action: "session.started", entityId: p.person._id });
    expect(audit?.entity).toBe("person");
    expect(audit?.actorId?.toHexString()).toBe(p.id);
  });

  it("writes to an English-speaking person in English", async () => {
    const p = await person("en");
    const { mail } = await mailedLink(p.person.email);
    expect(mail.body).toMatch(/valid for 15 minutes/);
    expect(mail.raw).toMatch(/Subject: Your Tavoli login link/);
  });

  it("lets only one of many simultaneous clicks use a link", async () => {
    // Several links clicked ten times each, all at once: the more requests race, the surer a claim that
    // is not atomic lets a second one through.
    const people = await Promise.all(Array.from({ length: 4 }, () => person()));
    const tokens: string[] = [];
    for (const p of people) tokens.push((await mailedLink(p.person.email)).token);
    const attempts = await Promise.all(
      tokens.flatMap((token) =>
        Array.from({ length: 10 }, () =>
          s
            .api("POST", "/api/v1/auth/sessions", { body: { token } })
            .then((r) => ({ token, status: r.status })),
        ),
      ),
    );
    for (const [i, token] of tokens.entries()) {
      const statuses = attempts.filter((a) => a.token === token).map((a) => a.status);
      expect(statuses.filter((status) => status === 201)).toHaveLength(1);
      expect(statuses.filter((status) => status === 400)).toHaveLength(9);
      expect(await s.c.sessions.countDocuments({ personId: people[i]?.person._id })).toBe(1);
    }
  });

  it("a link still works at 14 minutes and is refused at 15 minutes and one second", async () => {
    const p = await person();
    const early = await mailedLink(p.person.email);
    const late = await mailedLink(p.person.email);
    const start = s.clock.now.getTime();
    try {
      s.clock.now = new Date(start + 14 * 60_000);
      const inTime = await verify(early.token);
      expect(inTime.status).toBe(303);
      expect(await signedInAs(inTime.setCookie)).toBe(p.id);
      s.clock.now = new Date(start + 15 * 60_000 + 1000);
      const expired = await verify(late.token);
      expect(expired.status).toBe(400);
      expect(expired.html).toContain("link_invalid");
      expect(expired.setCookie).toBe("");
    } finally {
      s.clock.now = new Date(start + 15 * 60_000 + 1000);
    }
  });

  it("answers an unknown address exactly like a known one, and sends nothing", async () => {
    const unknown = await s.api("POST", "/api/v1/auth/login-links", {
      body: { email: "nessuno@comune.example.it" },
    });
    const p = await person();
    const known = await s.api("POST", "/api/v1/auth/login-links", { body: { email: p.person.email } });
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    expect(unknown.body.message).toMatch(/Se l'indirizzo è registrato/);
    const mail = await smtp.next();
    expect(mail.to).toEqual([p.person.email]);
    expect(smtp.received.some((m) => m.to.includes("nessuno@comune.example.it"))).toBe(false);
    expect(await s.c.loginLinks.countDocuments({ personId: p.person._id })).toBe(1);
  });

  it("refuses a malformed address with validation_failed", async () => {
    const bad = await s.api("POST", "/api/v1/auth/login-links", { body: { email: "non-una-email" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("validation_failed");
  });

  it("a cookie session needs the CSRF token to write; logging out ends it", async () => {
    const p = await person();
    const { token } = await mailedLink(p.person.email);
    const cookie = cookieOf((await verify(token)).setCookie);
    const { csrfToken } = (await s.api("GET", "/api/v1/auth/session", { headers: { cookie } })).body;
    const tokens = await s.c.apiTokens.countDocuments({ personId: p.person._id });

    const forged = await s.api("POST", "/api/v1/auth/tokens", {
      body: { name: "script" },
      headers: { cookie },
    });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe("csrf_failed");
    const wrong = await s.api("POST", "/api/v1/auth/tokens", {
      body: { name: "script" },
      headers: { cookie, "x-csrf-token": `${csrfToken}x` },
    });
    expect(wrong.status).toBe(403);
    expect(await s.c.apiTokens.countDocuments({ personId: p.person._id })).toBe(tokens);
    const allowed = await s.api("POST", "/api/v1/auth/tokens", {
      body: { name: "script" },
      headers: { cookie, "x-csrf-token": csrfToken },
    });
    expect(allowed.status).toBe(201);
    expect(allowed.body).toMatchObject({ name: "script", token: expect.stringMatching(/^tvl_/) });
    expect(await s.c.apiTokens.countDocuments({ personId: p.person._id })).toBe(tokens + 1);

    expect((await s.api("DELETE", "/api/v1/auth/session", { headers: { cookie } })).body.error.code).toBe(
      "csrf_failed",
    );
    const out = await fetch(`${s.url}/api/v1/auth/session`, {
      method: "DELETE",
      headers: { cookie, "x-csrf-token": csrfToken },
    });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().find((c) => c.startsWith("tavoli_session="))).toMatch(/Max-Age=0/);
    expect((await s.api("GET", "/api/v1/auth/session", { headers: { cookie } })).status).toBe(401);
    expect(await s.c.audit.countDocuments({ action: "session.ended", entityId: p.person._id })).toBe(1);
  });

  it("lets a browser holding a session log in again without a CSRF token", async () => {
    const p = await person();
    const cookie = cookieOf((await verify((await mailedLink(p.person.email)).token)).setCookie);
    const second = await verify((await mailedLink(p.person.email)).token, { cookie });
    expect(second.status).toBe(303);
    // A new session for the same person, not the old cookie echoed back.
    expect(cookieOf(second.setCookie)).not.toBe(cookie);
    expect(await signedInAs(second.setCookie)).toBe(p.id);
  });

  it("API clients exchange the token for a session as JSON", async () => {
    const p = await person();
    const { token } = await mailedLink(p.person.email);
    const created = await s.api("POST", "/api/v1/auth/sessions", { body: { token } });
    expect(created.status).toBe(201);
    expect(created.body.person.email).toBe(p.person.email);
    expect(created.headers.getSetCookie().some((c) => c.startsWith("tavoli_session="))).toBe(true);
    const reused = await s.api("POST", "/api/v1/auth/sessions", { body: { token }, lang: "en" });
    expect(reused.status).toBe(400);
    expect(reused.body.error.code).toBe("link_invalid");
    expect(reused.body.error.message).toMatch(/invalid, expired or already used/);
  });

  it("shows a session only to a cookie session, not to a bearer token or nobody", async () => {
    const p = await person();
    expect((await s.api("GET", "/api/v1/auth/session", { token: p.token })).status).toBe(401);
    expect((await s.api("GET", "/api/v1/auth/session")).body.error.code).toBe("unauthenticated");
  });

  it("stores only hashes: the clear link, session id and API token never reach the database", async () => {
    const p = await person();
    const { token } = await mailedLink(p.person.email);
    const sessionId = cookieOf((await verify(token)).setCookie).split("=")[1] ?? "";
    expect(sessionId.length).toBeGreaterThan(30);
    const unused = await mailedLink(p.person.email);
    const dump = JSON.stringify(
      await Promise.all(
        ["loginLinks", "sessions", "apiTokens", "auditLog", "domainEvents"].map((name) =>
          s.db.collection(name).find({}).toArray(),
        ),
      ),
    );
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(unused.token);
    expect(dump).not.toContain(sessionId);
    expect(dump).not.toContain(p.token);
    const links = await s.c.loginLinks.find({}).toArray();
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("escapes whatever arrives in the token query", async () => {
    const html = await (
      await fetch(`${s.url}/auth/verify?token=${encodeURIComponent('"><script>x</script>')}`)
    ).text();
    expect(html).not.toContain("<script>x");
    expect(html).toContain("&quot;&gt;&lt;script&gt;");
    const missing = await fetch(`${s.url}/auth/verify`);
    expect(missing.status).toBe(400);
  });

  it("refuses another site's form post of a login token (login CSRF), and sets no session", async () => {
    const p = await person();
    const { token } = await mailedLink(p.person.email);
    const attacks: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site", origin: "https://attaccante.example" },
      { "sec-fetch-site": "same-site", origin: "https://altro.tavoli.example.it" },
      { origin: "https://attaccante.example" }, // a browser that sends only Origin
      { origin: "null" }, // a sandboxed frame or a data: page
    ];
    for (const headers of attacks) {
      const refused = await verify(token, headers);
      expect(refused.status, JSON.stringify(headers)).toBe(403);
      expect(refused.setCookie).toBe("");
      expect(refused.html).toContain('data-code="cross_site_request"');
      expect(refused.html).toContain("Richiesta proveniente da un altro sito");
    }
    const english = await verify(token, { "sec-fetch-site": "cross-site", "accept-language": "en" });
    expect(english.html).toContain("Request from another site");
    expect(await s.c.sessions.countDocuments({ personId: p.person._id })).toBe(0);

    // The link was not spent by the refused posts: the person's own click still logs them in.
    const own = await verify(token, { "sec-fetch-site": "same-origin", origin: new URL(s.url).origin });
    expect(own.status).toBe(303);
    expect(own.setCookie).toMatch(/^tavoli_session=/);
  });

  it("accepts the form posted from PUBLIC_URL's origin", async () => {
    const p = await person();
    const { token } = await mailedLink(p.person.email);
    const posted = await verify(token, { origin: new URL(s.config.publicUrl).origin });
    expect(posted.status).toBe(303);
    expect(posted.setCookie).toMatch(/^tavoli_session=/);
    expect(await signedInAs(posted.setCookie)).toBe(p.id);
  });
});
