import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { designate, designationWorld, TODAY } from "../designations/test-fixtures.ts";

describe("erasure of personal data (GDPR art. 17, DOMAIN rule 11)", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof designationWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await designationWorld(s);
  });
  afterAll(() => s.close());

  it("removes name, email and access but keeps the organisation's designation history", async () => {
    const rita = await s.createPerson({ name: "Rita Cancellabile", email: "rita.cancellabile@example.it" });
    const designated = await designate(s, w.admin.token, w.openTable, {
      organisationId: w.orgA,
      personId: rita.id,
      from: TODAY,
    });
    expect(designated.status).toBe(201);
    // Her own correction leaves an audit entry that two erasure steps change at once (values, actor name).
    const corrected = await s.api("PATCH", "/api/v1/people/me", {
      token: rita.token,
      body: { name: "Rita Cancellabile Rossi" },
    });
    expect(corrected.status).toBe(200);
    const feed = await s.api("POST", "/api/v1/people/me/calendar-feed", { token: rita.token });
    const feedPath = new URL(feed.body.url).pathname;
    expect((await s.api("GET", feedPath)).status).toBe(200);
    const exported = await s.api("GET", "/api/v1/people/me/export", { token: rita.token });
    expect(exported.body.calendarFeeds).toEqual([expect.objectContaining({ revokedAt: null })]);
    s.clock.now = new Date("2026-04-02T09:00:00Z");
    const erased = await s.api("DELETE", "/api/v1/people/me", { token: rita.token });
    expect(erased.status).toBe(204);
    expect((await s.api("GET", "/api/v1/people/me", { token: rita.token })).status).toBe(401);
    expect((await s.api("GET", feedPath)).status).toBe(404);
    expect(await s.c.calendarFeeds.countDocuments({ personId: rita.person._id })).toBe(0);

    const history = await s.api("GET", `/api/v1/organisations/${w.orgA}/designations`, {
      token: w.admin.token,
    });
    const row = JSON.stringify(history.body);
    expect(row).toContain("Persona rimossa");
    expect(row).toContain('"to":"2026-04-01"');
    const current = await s.api("GET", `/api/v1/tables/${w.openTable}/designations`, {
      token: w.admin.token,
    });
    expect(JSON.stringify(current.body)).not.toContain("Persona rimossa");

    for (const name of await s.db.listCollections().toArray()) {
      const docs = await s.db.collection(name.name).find().toArray();
      const text = JSON.stringify(docs);
      expect(text, name.name).not.toContain("rita.cancellabile@example.it");
      expect(text, name.name).not.toContain("Rita Cancellabile");
    }
    expect(await s.c.audit.countDocuments({ action: "person.erased" })).toBe(1);
    s.clock.now = new Date(`${TODAY}T09:00:00Z`);
  });

  it("only the person or an installation admin may erase, and nothing changes otherwise", async () => {
    const target = await s.createPerson({ name: "Marco Intatto" });
    const other = await s.createPerson({ name: "Altra Persona" });
    const refused = await s.api("DELETE", `/api/v1/people/${target.id}`, { token: other.token });
    expect(refused.status).toBe(403);
    expect((await s.c.people.findOne({ name: "Marco Intatto" }))?.email).toBe(target.person.email);
    const byAdmin = await s.api("DELETE", `/api/v1/people/${target.id}`, { token: w.admin.token });
    expect(byAdmin.status).toBe(204);
    expect(await s.c.people.findOne({ name: "Marco Intatto" })).toBeNull();
    expect(
      (await s.api("DELETE", "/api/v1/people/not-an-id", { token: w.admin.token })).body.error.code,
    ).toBe("invalid_id");
  });
});
