import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { designationWorld } from "../designations/test-fixtures.ts";

describe("table coordinators and erasure (DOMAIN rule 11)", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof designationWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await designationWorld(s);
  });
  afterAll(() => s.close());

  it("an erased person coordinates no table any more; the table and its other coordinator stay", async () => {
    const leaving = await s.createPerson({ name: "Coordinatrice Uscente" });
    const staying = await s.createPerson({ name: "Coordinatore Restante" });
    await s.c.tables.updateOne(
      { _id: new ObjectId(w.openTable) },
      { $set: { coordinatorIds: [leaving.person._id, staying.person._id] } },
    );
    expect((await s.api("DELETE", "/api/v1/people/me", { token: leaving.token })).status).toBe(204);
    const table = await s.api("GET", `/api/v1/tables/${w.openTable}`, { token: w.admin.token });
    expect(table.status).toBe(200);
    expect(table.body.coordinatorIds).toEqual([staying.id]);
  });
});
