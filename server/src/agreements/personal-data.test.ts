import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { designationWorld } from "../designations/test-fixtures.ts";

describe("agreement administrators and erasure (DOMAIN rule 11)", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof designationWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await designationWorld(s);
  });
  afterAll(() => s.close());

  it("an erased person administers no agreement any more; the other administrators stay", async () => {
    const second = await s.createPerson({ name: "Secondo Gestore" });
    await s.c.agreementAdmins.insertOne({
      _id: new ObjectId(),
      agreementId: new ObjectId(w.agreementId),
      personId: second.person._id,
      createdAt: new Date(),
    });
    const erased = await s.api("DELETE", `/api/v1/people/${w.agreementAdmin.id}`, { token: w.admin.token });
    expect(erased.status).toBe(204);
    const admins = await s.c.agreementAdmins.find({ agreementId: new ObjectId(w.agreementId) }).toArray();
    expect(admins.map((a) => a.personId.toHexString())).toEqual([second.id]);
  });
});
