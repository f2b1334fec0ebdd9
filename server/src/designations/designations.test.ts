import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { designate, designationWorld, TODAY, TOMORROW, YESTERDAY } from "./test-fixtures.ts";

describe("designations", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof designationWorld>>;
  let alice: Awaited<ReturnType<TestServer["createPerson"]>>;
  let bob: Awaited<ReturnType<TestServer["createPerson"]>>;
  const count = () => s.c.designations.countDocuments();
  beforeAll(async () => {
    s = await startTestServer();
    w = await designationWorld(s);
    alice = await s.createPerson({ name: "Alice Referente" });
    bob = await s.createPerson({ name: "Bruno Referente" });
  });
  afterAll(() => s.close());

  it("an admin registers an organisation's designation, which makes the person its referent", async () => {
    const body = { organisationId: w.orgA, personId: alice.id, from: TODAY };
    const created = await designate(s, w.admin.token, w.openTable, body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ...body,
      to: null,
      kind: "standing",
      personName: "Alice Referente",
    });
    expect(created.body.organisationName).toBe("Comune di Caltagirone");
    const me = await s.api("GET", "/api/v1/people/me", { token: alice.token });
    expect(me.body.referentFor).toEqual([w.orgA]);
    const event = s.events.find((e) => e.type === "referent.designated");
    expect(event?.payload).toMatchObject({
      organisationId: w.orgA,
      personId: alice.id,
      tableId: w.openTable,
    });
    expect(await s.c.audit.countDocuments({ action: "designation.created" })).toBe(1);
  });

  it("the new referent can then designate a colleague of their own organisation", async () => {
    const colleague = await s.api("POST", "/api/v1/people", {
      token: alice.token,
      body: { name: "Carla Collega", email: "carla@caltagirone.example.it" },
    });
    expect(colleague.status).toBe(201);
    const body = { organisationId: w.orgA, personId: colleague.body.id, from: TOMORROW };
    const created = await designate(s, alice.token, w.foundersTable, body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ...body,
      tableId: w.foundersTable,
      to: null,
      personName: "Carla Collega",
    });
    // From tomorrow: the table lists Carla on that day, not today.
    const listed = (on: string) =>
      s
        .api("GET", `/api/v1/tables/${w.foundersTable}/designations?on=${on}`, { token: alice.token })
        .then((r) => r.body.items.map((d: { personId: string }) => d.personId));
    expect(await listed(TOMORROW)).toContain(colleague.body.id);
    expect(await listed(TODAY)).not.toContain(colleague.body.id);
    const audit = await s.c.audit.findOne({
      action: "designation.created",
      entityId: new ObjectId(created.body.id),
    });
    expect(audit?.actorName).toBe("Alice Referente");
  });

  it("an agreement admin registers the designation another organisation sent", async () => {
    const body = { organisationId: w.orgB, personId: bob.id, from: TODAY };
    const created = await designate(s, w.agreementAdmin.token, w.openTable, body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...body, tableId: w.openTable, to: null, kind: "standing" });
    const me = await s.api("GET", "/api/v1/people/me", { token: bob.token });
    expect(me.body.referentFor).toEqual([w.orgB]);
  });

  it("a referent of one organisation cannot designate for another, and nothing is written", async () => {
    const before = await count();
    const body = { organisationId: w.orgB, personId: alice.id, from: TOMORROW };
    const refused = await designate(s, alice.token, w.openTable, body);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("other_organisation");
    const nobody = await s.createPerson();
    expect((await designate(s, nobody.token, w.openTable, body)).body.error.code).toBe("forbidden");
    expect(await count()).toBe(before);
  });

  it("refuses a second overlapping designation of the same person", async () => {
    const before = await count();
    const again = await designate(s, w.admin.token, w.openTable, {
      organisationId: w.orgA,
      personId: alice.id,
      from: "2026-06-01",
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("duplicate_designation");
    expect(await count()).toBe(before);
  });

  it("of concurrent designations of one person, identical or overlapping, exactly one is registered", async () => {
    const starts = [
      TODAY,
      TODAY,
      TODAY,
      TODAY,
      TODAY,
      TOMORROW,
      TOMORROW,
      "2026-03-12",
      "2026-03-13",
      "2026-04-01",
    ];
    // Several rounds: one round of racing requests does not always interleave their check and insert.
    for (let round = 0; round < 6; round++) {
      const carla = await s.createPerson();
      const results = await Promise.all(
        starts.map((from) =>
          designate(s, w.admin.token, w.foundersTable, { organisationId: w.orgA, personId: carla.id, from }),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      const refused = results.filter((r) => r.status !== 201).map((r) => r.body.error.code);
      expect(new Set(refused)).toEqual(new Set(["duplicate_designation"]));
      expect(await s.c.designations.countDocuments({ personId: new ObjectId(carla.id) })).toBe(1);
    }
  });

  it("refuses to seat a non-founding organisation on a founders-only table", async () => {
    const before = await count();
    const body = { organisationId: w.orgB, personId: bob.id, from: TODAY };
    const refused = await designate(s, w.admin.token, w.foundersTable, body);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("table_not_open_to_organisation");
    expect(await count()).toBe(before);
  });

  it("a designation already in force is recorded by admins and coordinators with the reason; referents designate from today", async () => {
    const named = await s.createPerson({ name: "Delegata Seduta" });
    const before = await count();
    const auditBefore = await s.c.audit.countDocuments();
    const past = { organisationId: w.orgB, personId: named.id, from: YESTERDAY };
    const byReferent = await designate(s, bob.token, w.openTable, past);
    expect([byReferent.status, byReferent.body.error?.code]).toEqual([403, "backdating_not_allowed"]);
    const noReason = await designate(s, w.admin.token, w.openTable, past);
    expect([noReason.status, noReason.body.error?.code]).toEqual([400, "backdating_reason_required"]);
    expect(noReason.body.error.message).toMatch(/va indicato il motivo/);
    expect([await count(), await s.c.audit.countDocuments()]).toEqual([before, auditBefore]);

    const coordinator = await s.createPerson({ name: "Coordinatrice Cabina" });
    await s.c.tables.updateOne(
      { _id: new ObjectId(w.foundersTable) },
      { $set: { coordinatorIds: [new ObjectId(coordinator.id)] } },
    );
    const reason = "Decreto sindacale n. 7 del 9 marzo 2026";
    const recorded = await s.api("POST", `/api/v1/tables/${w.foundersTable}/designations`, {
      token: coordinator.token,
      body: { organisationId: w.orgA, personId: named.id, from: YESTERDAY, backdatingReason: reason },
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ from: YESTERDAY, to: null, kind: "standing" });
    const audit = await s.c.audit.findOne({
      action: "designation.created",
      entityId: new ObjectId(recorded.body.id),
    });
    expect(audit).toMatchObject({
      actorName: "Coordinatrice Cabina",
      after: { backdating: { reason, recordedOn: TODAY } },
    });
    const me = await s.api("GET", "/api/v1/people/me", { token: named.token });
    expect(me.body.referentFor).toEqual([w.orgA]);
  });

  it("a past single-meeting delegate may be recorded afterwards, by a referent only for a colleague", async () => {
    const delegate = await s.createPerson({ name: "Delegato Seduta" });
    const sitting = { organisationId: w.orgB, personId: delegate.id, from: YESTERDAY };
    const single = { ...sitting, kind: "single_meeting", meetingRef: "seduta del 9 marzo" };
    const stranger = await designate(s, bob.token, w.openTable, single);
    expect([stranger.status, stranger.body.error?.code]).toEqual([409, "delegate_other_organisation"]);
    const recorded = await designate(s, w.agreementAdmin.token, w.openTable, single);
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ from: YESTERDAY, to: YESTERDAY, meetingRef: "seduta del 9 marzo" });
  });

  it("rejects malformed requests with stable codes and writes nothing", async () => {
    const before = await count();
    const base = { organisationId: w.orgA, personId: bob.id, from: TOMORROW };
    const cases = [
      [w.openTable, { ...base, extra: 1 }, "validation_failed"],
      [w.openTable, { ...base, meetingRef: "x" }, "validation_failed"],
      [w.openTable, { ...base, from: "2026-02-30" }, "validation_failed"],
      [w.openTable, { ...base, organisationId: "nope" }, "validation_failed"],
      ["nope", base, "invalid_id"],
      ["0123456789abcdef01234567", base, "not_found"],
      [w.openTable, { ...base, personId: "0123456789abcdef01234567" }, "not_found"],
    ] as const;
    for (const [table, body, code] of cases) {
      const response = await s.api("POST", `/api/v1/tables/${table}/designations`, {
        token: w.admin.token,
        body,
      });
      expect(response.body.error?.code, JSON.stringify(body)).toBe(code);
    }
    expect((await designate(s, "", w.openTable, base)).status).toBe(401);
    expect(await count()).toBe(before);
  });

  it("lists a table's referents on a day, showing e-mails only to admins and to the person themself", async () => {
    const asBob = await s.api("GET", `/api/v1/tables/${w.openTable}/designations`, { token: bob.token });
    expect(asBob.status).toBe(200);
    expect(asBob.body.on).toBe(TODAY);
    const standing = asBob.body.items.filter((d: { kind: string }) => d.kind === "standing");
    expect(standing.map((d: { personName: string }) => d.personName).sort()).toEqual([
      "Alice Referente",
      "Bruno Referente",
    ]);
    for (const d of standing) {
      if (d.personId === bob.id) expect(d.email).toBe(bob.person.email);
      else expect(d).not.toHaveProperty("email");
    }
    expect(JSON.stringify(asBob.body)).not.toContain(alice.person.email);
    const asAdmin = await s.api("GET", `/api/v1/tables/${w.openTable}/designations`, {
      token: w.agreementAdmin.token,
    });
    expect(asAdmin.body.items.find((d: { personId: string }) => d.personId === alice.id).email).toBe(
      alice.person.email,
    );
    const yesterday = await s.api("GET", `/api/v1/tables/${w.openTable}/designations?on=${YESTERDAY}`, {
      token: bob.token,
    });
    expect(yesterday.body.items.map((d: { kind: string }) => d.kind)).toEqual(["single_meeting"]);
    expect((await s.api("GET", `/api/v1/tables/${w.openTable}/designations`)).status).toBe(401);
  });
});
