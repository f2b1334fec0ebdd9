import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorld, NOW, type World } from "./support/authorization-world.ts";
import { openApiResponses } from "./support/openapi.ts";
import { startTestServer, type TestServer } from "./support/server.ts";
import { startFakeSmtp } from "./support/smtp.ts";

/**
 * Every read operation of the published OpenAPI document, called on the authorization matrix's world
 * as the installation admin: the answer must be a 2xx the operation documents, with a body that matches
 * the documented schema; called without credentials, it must refuse (or answer) as documented too.
 * Write operations are checked the same way, for every persona, by the authorization matrix.
 */
const smtp = await startFakeSmtp();
const s: TestServer = await startTestServer({ env: { SMTP_URL: smtp.url } });
const doc = (await s.api("GET", "/api/v1/openapi.json")).body;
const { documented, operations } = openApiResponses(doc);
const READS = operations.filter(([method]) => method === "GET").map(([, path]) => path);

describe("every documented read answers as its OpenAPI schema says", () => {
  let w: World;
  let feedToken: string;
  beforeAll(async () => {
    w = await buildWorld(s);
    s.clock.now = NOW;
    // The world's feeds were created without keeping their URLs: make the admin's again to read it.
    const root = w.credentials.root.token;
    await s.api("DELETE", "/api/v1/people/me/calendar-feed", { token: root });
    const feed = await s.api("POST", "/api/v1/people/me/calendar-feed", { token: root });
    feedToken = /\/calendar\/feeds\/([^/?]+)/.exec(feed.body.url)?.[1] ?? "";
  });
  afterAll(async () => {
    await s.close();
    await smtp.close();
  });

  /** The world's entity each path template points at, and the query a read needs. */
  function concrete(template: string): string {
    const first = template.split("/")[1] ?? "";
    const ids: Record<string, string> = {
      agreements: w.G,
      organisations: w.A,
      tables: w.T,
      people: w.people.refA.id,
      meetings: /minutes/.test(template) ? w.P1 : w.M,
      "issue-reports": w.issueReport,
      attachments: w.attachment,
      contributions: w.contribution,
      "work-plans": w.workPlanInForce,
      proposals: w.proposalAddressed,
      reports: w.report,
      calendar: feedToken,
      services: w.service,
    };
    const path = template.replace(/\{[^}]+\}/g, () => ids[first] ?? "missing");
    const query: Record<string, string> = {
      "/tables/{id}/meetings": "?from=2026-03-01T00:00&to=2026-04-30T00:00",
      "/agreements/{id}/report": "?preset=semestrale&year=2026&half=1",
      "/tables/{id}/report": "?preset=semestrale&year=2026&half=1",
    };
    return path + (query[template] ?? "");
  }

  it("covers every read of the document, with a checker that does refuse a wrong body", () => {
    expect(READS.length).toBeGreaterThan(30);
    const agreement = documented("GET", "/agreements/{id}", 200);
    expect(agreement?.validate({ id: 7 }).length).toBeGreaterThan(0);
    expect(documented("GET", "/agreements/{id}", 404)?.validate({ error: { code: "not_found" } })).toEqual([
      "error.message: Invalid input: expected string, received undefined",
    ]);
    expect(documented("GET", "/agreements/{id}", 418)).toBeNull();
  });

  it.each(READS)("GET %s", async (template) => {
    const root = w.credentials.root;
    // The session read is for browsers: it answers a cookie, not a token.
    const auth = template === "/auth/session" ? { headers: { cookie: root.cookie } } : { token: root.token };
    const response = await fetch(`${s.url}/api/v1${concrete(template)}`, {
      headers: { ...("token" in auth ? { authorization: `Bearer ${auth.token}` } : auth.headers) },
    });
    const type = response.headers.get("content-type") ?? "";
    const text = await response.text();
    const body = type.includes("json") ? JSON.parse(text) : text;
    const expected = documented("GET", template, response.status);
    expect(response.status, text.slice(0, 300)).toBeGreaterThanOrEqual(200);
    expect(response.status, text.slice(0, 300)).toBeLessThan(300);
    expect(expected, `status ${response.status} is not documented`).not.toBeNull();
    expect(type).toContain(expected?.mediaType);
    expect(expected?.validate(body)).toEqual([]);
    // Without credentials: public reads answer, the others refuse, each as documented.
    const anonymous = await s.api("GET", `/api/v1${concrete(template)}`);
    expect(
      documented("GET", template, anonymous.status)?.validate(anonymous.body),
      `anonymous ${anonymous.status}`,
    ).toEqual([]);
  });
});
