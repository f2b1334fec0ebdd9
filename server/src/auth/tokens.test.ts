import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";

describe("personal API tokens", () => {
  let s: TestServer;
  let owner: Awaited<ReturnType<TestServer["createPerson"]>>;
  let other: Awaited<ReturnType<TestServer["createPerson"]>>;
  beforeAll(async () => {
    s = await startTestServer();
    owner = await s.createPerson();
    other = await s.createPerson();
  });
  afterAll(() => s.close());

  it("a token revoked while it is in use stays revoked", async () => {
    // Each token's first uses stamp lastUsedAt while it is being revoked; several tokens race at once so
    // that a stamp rewriting the whole token, instead of setting its one field, would revive one.
    const busyOwner = await s.createPerson();
    const busy: { id: string; token: string }[] = [];
    for (let n = 0; n < 8; n++) {
      const created = await s.api("POST", "/api/v1/auth/tokens", {
        token: busyOwner.token,
        body: { name: `busy ${n}` },
      });
      busy.push(created.body);
    }
    const revocations = await Promise.all(
      busy.map(async ({ id, token }) => {
        const [revoked] = await Promise.all([
          s.api("DELETE", `/api/v1/auth/tokens/${id}`, { token: busyOwner.token }),
          ...Array.from({ length: 6 }, () => s.api("GET", "/api/v1/auth/tokens", { token })),
        ]);
        return revoked?.status;
      }),
    );
    expect(revocations).toEqual(busy.map(() => 204));
    for (const { token } of busy)
      expect((await s.api("GET", "/api/v1/auth/tokens", { token })).status).toBe(401);
  });

  it("stamps a token's last use on the token, at most once a minute", async () => {
    const user = await s.createPerson();
    const created = await s.api("POST", "/api/v1/auth/tokens", { token: user.token, body: { name: "uso" } });
    const used = (token: string) => s.api("GET", "/api/v1/auth/tokens", { token });
    const lastUse = async () =>
      (await used(user.token)).body.items.find((t: { id: string }) => t.id === created.body.id).lastUsedAt;
    const start = s.clock.now.getTime();
    try {
      await Promise.all(Array.from({ length: 5 }, () => used(created.body.token)));
      expect(await lastUse()).toBe(new Date(start).toISOString());
      s.clock.now = new Date(start + 59_000);
      await used(created.body.token);
      expect(await lastUse()).toBe(new Date(start).toISOString());
      s.clock.now = new Date(start + 61_000);
      await used(created.body.token);
      expect(await lastUse()).toBe(new Date(start + 61_000).toISOString());
    } finally {
      s.clock.now = new Date(start + 61_000);
    }
  });

  it("creates a token shown once, lists tokens without secrets, and a revoked token gets 401", async () => {
    const created = await s.api("POST", "/api/v1/auth/tokens", {
      token: owner.token,
      body: { name: "  Integrazione ERP " },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Integrazione ERP", token: expect.stringMatching(/^tvl_/) });
    const fresh: string = created.body.token;
    expect((await s.api("GET", "/api/v1/auth/tokens", { token: fresh })).status).toBe(200);

    const list = await s.api("GET", "/api/v1/auth/tokens", { token: owner.token });
    expect(list.body.items.map((t: { name: string }) => t.name)).toEqual(["test", "Integrazione ERP"]);
    expect(JSON.stringify(list.body)).not.toContain(fresh);
    expect(list.body.items[1]).not.toHaveProperty("tokenHash");
    expect(list.body.items[1].lastUsedAt).not.toBeNull();

    const revoked = await s.api("DELETE", `/api/v1/auth/tokens/${created.body.id}`, { token: owner.token });
    expect(revoked.status).toBe(204);
    const refused = await s.api("GET", "/api/v1/auth/tokens", { token: fresh });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe("unauthenticated");
    const after = await s.api("GET", "/api/v1/auth/tokens", { token: owner.token });
    expect(after.body.items[1].revokedAt).not.toBeNull();
    expect(await s.c.audit.countDocuments({ action: "api_token.revoked", entityId: owner.person._id })).toBe(
      1,
    );
  });

  it("does not let a person see or revoke someone else's token", async () => {
    const mine = await s.api("POST", "/api/v1/auth/tokens", { token: owner.token, body: { name: "mio" } });
    const theirs = await s.api("GET", "/api/v1/auth/tokens", { token: other.token });
    expect(theirs.body.items.map((t: { id: string }) => t.id)).not.toContain(mine.body.id);
    const attempt = await s.api("DELETE", `/api/v1/auth/tokens/${mine.body.id}`, { token: other.token });
    expect(attempt.status).toBe(404);
    expect((await s.api("GET", "/api/v1/auth/tokens", { token: mine.body.token })).status).toBe(200);
  });

  it("refuses bad input and anonymous calls without writing anything", async () => {
    const before = await s.c.apiTokens.countDocuments();
    const empty = await s.api("POST", "/api/v1/auth/tokens", { token: owner.token, body: { name: "   " } });
    expect(empty.body.error.code).toBe("validation_failed");
    const extra = await s.api("POST", "/api/v1/auth/tokens", {
      token: owner.token,
      body: { name: "x", admin: true },
    });
    expect(extra.status).toBe(400);
    expect((await s.api("POST", "/api/v1/auth/tokens", { body: { name: "x" } })).status).toBe(401);
    expect((await s.api("DELETE", "/api/v1/auth/tokens/nope", { token: owner.token })).body.error.code).toBe(
      "invalid_id",
    );
    expect((await s.api("GET", "/api/v1/auth/tokens", { token: "tvl_forged" })).status).toBe(401);
    expect(await s.c.apiTokens.countDocuments()).toBe(before);
  });

  it("documents the auth routes in the OpenAPI document, but not the dev outbox", async () => {
    const doc = await s.api("GET", "/api/v1/openapi.json");
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        "/auth/login-links",
        "/auth/sessions",
        "/auth/session",
        "/auth/tokens",
        "/auth/tokens/{id}",
      ]),
    );
    expect(doc.body.paths["/auth/login-links"].post.tags).toEqual(["Auth"]);
    expect(doc.body.paths).not.toHaveProperty("/dev/outbox");
  });
});
