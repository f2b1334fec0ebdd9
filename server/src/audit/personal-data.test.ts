import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";

describe("the audit entries in a person's data export (GDPR art. 15)", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it("lists every entry by or about the person, oldest first, with values only for their own record", async () => {
    s.clock.now = new Date("2026-03-10T09:00:00Z");
    // An installation admin, who may register a colleague: an entry about another record.
    const rita = await s.createPerson({ name: "Rita Verificata", admin: true });
    s.clock.now = new Date("2026-03-10T09:01:00Z");
    const corrected = await s.api("PATCH", "/api/v1/people/me", {
      token: rita.token,
      body: { name: "Rita Verificata Rossi" },
    });
    expect(corrected.status).toBe(200);
    s.clock.now = new Date("2026-03-10T09:02:00Z");
    const colleague = await s.api("POST", "/api/v1/people", {
      token: rita.token,
      body: { name: "Collega Registrato", email: "collega.registrato@example.it" },
    });
    expect(colleague.status).toBe(201);

    const exported = await s.api("GET", "/api/v1/people/me/export", { token: rita.token });
    expect(exported.body.auditEntries).toEqual([
      // Tokens are audited on the person's own record, so the entry keeps its values (never the token).
      {
        at: "2026-03-10T09:00:00.000Z",
        action: "api_token.created",
        entity: "person",
        entityId: rita.id,
        byMe: true,
        before: null,
        after: { name: "test", tokenId: expect.any(String) },
      },
      {
        at: "2026-03-10T09:01:00.000Z",
        action: "person.updated",
        entity: "person",
        entityId: rita.id,
        byMe: true,
        before: expect.objectContaining({ name: "Rita Verificata" }),
        after: expect.objectContaining({ name: "Rita Verificata Rossi" }),
      },
      {
        at: "2026-03-10T09:02:00.000Z",
        action: "person.created",
        entity: "person",
        entityId: null,
        byMe: true,
      },
    ]);
  });
});
