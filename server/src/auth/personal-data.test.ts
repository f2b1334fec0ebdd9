import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { createCtx } from "../shared/context.ts";
import { issueLoginLink } from "./login-links.ts";

describe("a person's sessions, login links and API tokens as personal data (DOMAIN rule 11)", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
    s.clock.now = new Date("2026-03-10T09:00:00Z");
  });
  afterAll(() => s.close());

  /** An unused login link of the person, through the real use case: its one-time token. */
  async function loginLink(personId: string) {
    const ctx = createCtx({ db: s.db, bus: s.bus, now: () => s.clock.now });
    const url = await issueLoginLink({ ctx, input: { personId: new ObjectId(personId), publicUrl: s.url } });
    return new URL(url).searchParams.get("token");
  }

  /** A browser session opened with a login link, as its cookie. */
  async function browserSession(personId: string) {
    const opened = await s.api("POST", "/api/v1/auth/sessions", {
      body: { token: await loginLink(personId) },
    });
    expect(opened.status).toBe(201);
    return opened.headers.getSetCookie()[0]?.split(";")[0] ?? "";
  }

  const sessionStatus = async (cookie: string) =>
    (await s.api("GET", "/api/v1/auth/session", { headers: { cookie } })).status;

  it("exports the person's sessions and API tokens, without their secrets", async () => {
    const rita = await s.createPerson({ name: "Rita Esportatrice" });
    await browserSession(rita.id);
    const exported = await s.api("GET", "/api/v1/people/me/export", { token: rita.token });
    expect(exported.status).toBe(200);
    expect(exported.body.sessions).toEqual([
      { createdAt: "2026-03-10T09:00:00.000Z", expiresAt: expect.any(String) },
    ]);
    expect(exported.body.apiTokens).toEqual([
      expect.objectContaining({ name: "test", createdAt: "2026-03-10T09:00:00.000Z", revokedAt: null }),
    ]);
    const text = JSON.stringify(exported.body);
    for (const secret of ["idHash", "csrfToken", "tokenHash"]) expect(text).not.toContain(secret);
  });

  it("erasure ends the person's sessions, voids their login links and revokes their tokens; others' stay", async () => {
    const rita = await s.createPerson({ name: "Rita Cancellanda" });
    const other = await s.createPerson({ name: "Altra Persona" });
    await browserSession(rita.id);
    await loginLink(rita.id);
    const otherCookie = await browserSession(other.id);
    const otherPending = await loginLink(other.id);

    s.clock.now = new Date("2026-03-10T09:05:00Z");
    expect((await s.api("DELETE", "/api/v1/people/me", { token: rita.token })).status).toBe(204);
    const personId = rita.person._id;
    expect(await s.c.sessions.countDocuments({ personId })).toBe(0);
    expect(await s.c.loginLinks.countDocuments({ personId })).toBe(0);
    const tokens = await s.c.apiTokens.find({ personId }).toArray();
    expect(tokens.map((t) => t.revokedAt)).toEqual([s.clock.now]);

    expect(await sessionStatus(otherCookie)).toBe(200);
    expect((await s.api("GET", "/api/v1/people/me", { token: other.token })).status).toBe(200);
    const opened = await s.api("POST", "/api/v1/auth/sessions", { body: { token: otherPending } });
    expect(opened.status).toBe(201);
  });
});
