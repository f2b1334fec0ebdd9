import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueLoginLink } from "../server/src/auth/login-links.ts";
import { createCtx } from "../server/src/shared/context.ts";
import { type FakeSlack, startFakeSlack } from "./support/fake-slack.ts";
import { startTestServer, type TestServer } from "./support/server.ts";
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "./support/slack-requests.ts";

const PAYLOAD = "</script><script>alert(1)</script>";

type Visit = {
  name: string;
  path: string;
  method?: "POST";
  signedIn?: boolean;
  form?: Record<string, string>;
};

/** Every HTML page the server renders; a GET route answering text/html that is not here fails the last test. */
const HTML_PAGES: Visit[] = [
  { name: "app shell, signed out", path: "/" },
  { name: "app shell, signed in", path: "/", signedIn: true },
  { name: "app shell by name", path: "/index.html" },
  { name: "app offline page", path: "/offline.html" },
  { name: "login landing page", path: "/auth/verify?token=abc" },
  { name: "login landing page without token", path: "/auth/verify" },
  { name: "login refused", path: "/auth/verify", method: "POST", form: { token: "wrong" } },
  { name: "dev outbox", path: "/dev/outbox" },
  { name: "API docs", path: "/api/docs" },
  { name: "Slack link, signed out", path: "/slack/link?token=abc" },
  { name: "Slack link, signed in", path: `/slack/link?token=${encodeURIComponent(PAYLOAD)}`, signedIn: true },
  { name: "Slack install", path: "/slack/install" },
  { name: "Slack install refused", path: "/slack/oauth_redirect?code=c&state=forged" },
];

/** Decodes the few entities escapeHtml writes, as a browser reads an attribute value. */
const unescapeHtml = (value: string) =>
  value
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

describe("HTML pages: one strict Content-Security-Policy, no script built from input", () => {
  let slack: FakeSlack;
  let s: TestServer;
  let cookie: string;

  beforeAll(async () => {
    slack = await startFakeSlack();
    s = await startTestServer({
      env: {
        SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
        SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
        SLACK_CLIENT_ID: "1111.2222",
        SLACK_CLIENT_SECRET: "client-secret-for-tests",
        SLACK_STATE_SECRET: "state-secret-0123456789abcdef",
        SLACK_API_URL: slack.apiUrl,
      },
    });
    const person = await s.createPerson({ name: "Persona <b>Collegata</b>" });
    const url = await issueLoginLink({
      ctx: createCtx({ db: s.db, bus: s.bus }),
      input: { personId: new ObjectId(person.id), publicUrl: s.url },
    });
    const token = new URL(url).searchParams.get("token");
    const session = await s.api("POST", "/api/v1/auth/sessions", { body: { token } });
    cookie = session.headers.getSetCookie()[0]?.split(";")[0] ?? "";
    expect(cookie).toMatch(/^tavoli_session=/);
  });
  afterAll(async () => {
    await s.close();
    await slack.close();
  });

  function visit(v: Visit) {
    const headers: Record<string, string> = v.signedIn ? { cookie } : {};
    if (v.form) headers["content-type"] = "application/x-www-form-urlencoded";
    return fetch(s.url + v.path, {
      method: v.method ?? "GET",
      headers,
      body: v.form ? new URLSearchParams(v.form) : undefined,
      redirect: "manual",
    });
  }

  it.each(HTML_PAGES)("$name sends the policy and has no inline script or style", async (v) => {
    const response = await visit(v);
    const html = await response.text();
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const policy = (response.headers.get("content-security-policy") ?? "").split(/;\s*/);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "form-action 'self'",
    ]) {
      expect(policy).toContain(directive);
    }
    expect(policy.join(";")).not.toMatch(/unsafe-inline|unsafe-eval/);
    // Our pages; the Slack library's own install page keeps its <style>, which the policy simply blocks.
    if (v.path !== "/slack/install") expect(html).not.toMatch(/<style/i);
    for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) expect(tag).toMatch(/\ssrc="\/[^"]+"/);
  });

  it("keeps a token that closes the script tag inert on the Slack link page", async () => {
    const response = await visit(HTML_PAGES.find((v) => v.name === "Slack link, signed in") as Visit);
    const html = await response.text();
    // A browser creates a script element only where the source says `<script`: one, the page's own file.
    expect(html.match(/<script/gi)).toEqual(["<script"]);
    expect(html).toContain('<script src="/slack/link.js"></script>');
    expect(html).not.toContain(PAYLOAD);
    expect(html).not.toContain("<b>Collegata</b>");
    const token = html.match(/data-token="([^"]*)"/)?.[1] ?? "";
    expect(unescapeHtml(token)).toBe(PAYLOAD);
    const script = await fetch(`${s.url}/slack/link.js`);
    expect(script.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(await script.text()).toContain("dataset");
  });

  it("lists every GET route that answers HTML, so none is left without a test of its policy", async () => {
    const listed = new Set(HTML_PAGES.map((v) => new URL(v.path, s.url).pathname));
    const plainGets = s.app.routes
      .filter((route) => route.method === "GET" && !/[:*]/.test(route.path))
      .map((route) => route.path);
    expect(plainGets.length).toBeGreaterThan(10);
    for (const path of new Set(plainGets)) {
      const response = await fetch(s.url + path, { headers: { cookie }, redirect: "manual" });
      await response.body?.cancel();
      if (!(response.headers.get("content-type") ?? "").startsWith("text/html")) continue;
      expect(listed, `${path} answers HTML but is not in HTML_PAGES`).toContain(path);
      expect(response.headers.get("content-security-policy"), path).toMatch(/default-src 'self'/);
    }
  });
});
