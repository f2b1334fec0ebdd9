import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { designate, designationWorld, TODAY } from "./test-fixtures.ts";

describe("a person's designations as personal data (DOMAIN rule 11)", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof designationWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await designationWorld(s);
  });
  afterAll(() => s.close());

  it("exports them with table and organisation names; erasure ends those in force and withdraws those to come", async () => {
    const rita = await s.createPerson({ name: "Rita Designata" });
    const inForce = await designate(s, w.admin.token, w.openTable, {
      organisationId: w.orgA,
      personId: rita.id,
      from: TODAY,
    });
    const toCome = await designate(s, w.admin.token, w.foundersTable, {
      organisationId: w.orgA,
      personId: rita.id,
      from: "2026-05-01",
    });
    expect([inForce.status, toCome.status]).toEqual([201, 201]);
    const exported = await s.api("GET", "/api/v1/people/me/export", { token: rita.token });
    expect(exported.body.designations).toEqual([
      expect.objectContaining({
        tableName: "WP1 Servizi digitali",
        organisationName: "Comune di Caltagirone",
      }),
      expect.objectContaining({ tableName: "Cabina di regia", from: "2026-05-01", to: null }),
    ]);

    s.clock.now = new Date("2026-04-02T09:00:00Z");
    expect((await s.api("DELETE", "/api/v1/people/me", { token: rita.token })).status).toBe(204);
    const left = await s.c.designations.find({ personId: rita.person._id }).toArray();
    expect(left.map((d) => [d.tableId.toHexString(), d.from, d.to])).toEqual([
      [w.openTable, TODAY, "2026-04-01"],
    ]);
    s.clock.now = new Date(`${TODAY}T09:00:00Z`);
  });
});
