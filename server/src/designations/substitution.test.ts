import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { designate, designationWorld, TODAY, TOMORROW, YESTERDAY } from "./test-fixtures.ts";

type Person = Awaited<ReturnType<TestServer["createPerson"]>>;

describe("substitution and end of designations", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof designationWorld>>;
  let alice: Person;
  let bob: Person;
  beforeAll(async () => {
    s = await startTestServer();
    w = await designationWorld(s);
    alice = await s.createPerson({ name: "Alice Uscente" });
    bob = await s.createPerson({ name: "Bruno Ente B" });
    await designate(s, w.admin.token, w.openTable, { organisationId: w.orgB, personId: bob.id, from: TODAY });
  });
  afterAll(() => s.close());

  const designateA = async (personId: string, tableId = w.openTable) => {
    const created = await designate(s, w.admin.token, tableId, {
      organisationId: w.orgA,
      personId,
      from: TODAY,
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const substitute = (token: string, id: string, personId: string, from = TOMORROW) =>
    s.api("POST", `/api/v1/designations/${id}/substitute`, { token, body: { personId, from } });
  const inForce = async (tableId: string, on: string, organisationId: string) => {
    const list = await s.api("GET", `/api/v1/tables/${tableId}/designations?on=${on}`, {
      token: w.admin.token,
    });
    return list.body.items.filter((d: { organisationId: string }) => d.organisationId === organisationId);
  };

  it("a referent substitutes themself: history is kept and the table is told once", async () => {
    const oldId = await designateA(alice.id);
    const dario = await s.createPerson({ name: "Dario Entrante" });
    const eventsBefore = s.events.length;
    const done = await substitute(alice.token, oldId, dario.id);
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ personId: dario.id, from: TOMORROW, to: null, substitutesId: oldId });
    const history = await s.api("GET", `/api/v1/organisations/${w.orgA}/designations`, { token: bob.token });
    const old = history.body.items.find((d: { id: string }) => d.id === oldId);
    expect(old).toMatchObject({ to: TODAY, substitutedById: done.body.id, personName: "Alice Uscente" });
    expect(history.body.items.some((d: { id: string }) => d.id === done.body.id)).toBe(true);
    expect((await inForce(w.openTable, TODAY, w.orgA)).map((d: { personId: string }) => d.personId)).toEqual([
      alice.id,
    ]);
    expect(
      (await inForce(w.openTable, TOMORROW, w.orgA)).map((d: { personId: string }) => d.personId),
    ).toEqual([dario.id]);
    const emitted = s.events.slice(eventsBefore);
    expect(emitted.map((e) => e.type)).toEqual(["referent.substituted"]);
    expect(emitted[0]?.payload).toMatchObject({
      tableId: w.openTable,
      organisationId: w.orgA,
      previousPersonId: alice.id,
      newPersonId: dario.id,
      from: TOMORROW,
    });
    expect(emitted[0]?.agreementId?.toHexString()).toBe(w.agreementId);
  });

  it("refuses to substitute an ended designation, another organisation's, or into the past, writing nothing", async () => {
    const eva = await s.createPerson();
    const ended = await s.c.designations.findOne({ personId: new ObjectId(alice.id), to: TODAY });
    const again = await substitute(w.admin.token, ended?._id.toHexString() ?? "", eva.id);
    expect([again.status, again.body.error.code]).toEqual([409, "designation_ended"]);
    const fresh = await designateA(eva.id, w.foundersTable);
    const snapshot = async () => JSON.stringify(await s.c.designations.find().sort({ _id: 1 }).toArray());
    const before = await snapshot();
    const eventsBefore = s.events.length;
    const otherOrg = await substitute(bob.token, fresh, bob.id);
    expect([otherOrg.status, otherOrg.body.error.code]).toEqual([403, "other_organisation"]);
    expect((await substitute(w.admin.token, fresh, bob.id, YESTERDAY)).body.error.code).toBe(
      "backdating_reason_required",
    );
    expect((await substitute(w.admin.token, fresh, bob.id, TODAY)).body.error.code).toBe("date_order");
    expect((await substitute(w.admin.token, fresh, eva.id)).body.error.code).toBe("duplicate_designation");
    expect((await substitute(w.admin.token, fresh, "0123456789abcdef01234567")).status).toBe(404);
    expect((await substitute(w.admin.token, "0123456789abcdef01234567", bob.id)).status).toBe(404);
    expect(await snapshot()).toBe(before);
    expect(s.events.length).toBe(eventsBefore);
  });

  it("of two concurrent substitutions of the same designation exactly one wins", async () => {
    for (let round = 0; round < 5; round++) {
      const outgoing = await s.createPerson();
      const [first, second] = [await s.createPerson(), await s.createPerson()];
      const oldId = await designateA(outgoing.id);
      const eventsBefore = s.events.length;
      const results = await Promise.all([
        substitute(w.admin.token, oldId, first.id),
        substitute(w.agreementAdmin.token, oldId, second.id),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      const winner = results.find((r) => r.status === 201)?.body;
      const candidates = new Set([outgoing.id, first.id, second.id]);
      const sitting = (await inForce(w.openTable, TOMORROW, w.orgA)).filter((d: { personId: string }) =>
        candidates.has(d.personId),
      );
      expect(sitting.map((d: { id: string }) => d.id)).toEqual([winner.id]);
      const old = await s.c.designations.findOne({ _id: new ObjectId(oldId) });
      expect([old?.to, old?.substitutedById?.toHexString()]).toEqual([TODAY, winner.id]);
      const loser = winner.personId === first.id ? second : first;
      expect(await s.c.designations.countDocuments({ personId: new ObjectId(loser.id) })).toBe(0);
      expect(s.events.slice(eventsBefore).filter((e) => e.type === "referent.substituted")).toHaveLength(1);
    }
  });

  it("of concurrent ends and a substitution of one designation exactly one closes it", async () => {
    const outgoing = await s.createPerson();
    const successor = await s.createPerson();
    const id = await designateA(outgoing.id);
    const ends = Array.from({ length: 9 }, (_, i) => `2026-03-${String(11 + i).padStart(2, "0")}`);
    const results = await Promise.all([
      ...ends.map((to) =>
        s.api("POST", `/api/v1/designations/${id}/end`, { token: w.admin.token, body: { to } }),
      ),
      substitute(w.admin.token, id, successor.id),
    ]);
    const won = results.filter((r) => r.status === 200 || r.status === 201);
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.body.error?.code === "designation_ended")).toHaveLength(ends.length);
    const stored = await s.c.designations.findOne({ _id: new ObjectId(id) });
    const closedBy = won[0]?.status === 201 ? { to: TODAY } : { to: won[0]?.body.to };
    expect(stored).toMatchObject(closedBy);
    const closings = await s.c.audit.countDocuments({
      entityId: new ObjectId(id),
      action: { $in: ["designation.ended", "designation.substituted"] },
    });
    expect(closings).toBe(1);
    const successors = await s.c.designations.countDocuments({ personId: new ObjectId(successor.id) });
    expect(successors).toBe(won[0]?.status === 201 ? 1 : 0);
  });

  it("ends a standing designation, not before its start nor in the past", async () => {
    const fabio = await s.createPerson();
    const id = await designateA(fabio.id);
    const end = (token: string, to: string) =>
      s.api("POST", `/api/v1/designations/${id}/end`, { token, body: { to } });
    expect((await end(w.admin.token, YESTERDAY)).body.error.code).toBe("date_order");
    expect((await end(bob.token, TOMORROW)).body.error.code).toBe("other_organisation");
    s.clock.now = new Date("2026-03-20T09:00:00Z");
    expect((await end(w.admin.token, TOMORROW)).body.error.code).toBe("date_in_past");
    s.clock.now = new Date(`${TODAY}T09:00:00Z`);
    expect((await s.c.designations.findOne({ _id: new ObjectId(id) }))?.to).toBeNull();
    const ended = await end(w.admin.token, TOMORROW);
    expect(ended.status).toBe(200);
    expect(ended.body.to).toBe(TOMORROW);
    expect(s.events.at(-1)).toMatchObject({
      type: "referent.designation_ended",
      payload: { designationId: id, to: TOMORROW },
    });
    expect((await end(w.admin.token, TOMORROW)).body.error.code).toBe("designation_ended");
  });
});
