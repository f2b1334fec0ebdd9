import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAgreement, makeOrganisation, makeReferent, makeTable } from "../../../test/support/factories.ts";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";

describe("tables", () => {
  let s: TestServer;
  let admin: { token: string; id: string };
  let agreementId: string;
  let tableId: string;
  const canary = "RISERVATO-canary-7f3a";

  beforeAll(async () => {
    s = await startTestServer();
    admin = await s.createPerson({ admin: true });
    s.clock.now = new Date("2026-03-01T10:00:00Z");
    agreementId = (await makeAgreement(s, admin.token, { adhesionDelayDays: 0 })).id;
    tableId = (
      await makeTable(s, admin.token, agreementId, {
        name: "WP5 Sicurezza informatica",
        theme: { code: "WP5", title: "Sicurezza informatica" },
      })
    ).id;
    await s.api("POST", `/api/v1/tables/${tableId}/materials`, {
      token: admin.token,
      body: { title: "Piano pubblico", url: "https://example.it/piano.pdf" },
    });
    await s.api("POST", `/api/v1/tables/${tableId}/materials`, {
      token: admin.token,
      body: { title: `Vulnerabilità ${canary}`, url: "https://example.it/vuln.pdf", confidential: true },
    });
  });
  afterAll(() => s.close());

  it("shows confidential material to the table's referents only", async () => {
    const member = await makeOrganisation(s, "Comune di Torino");
    const outsider = await makeOrganisation(s, "Comune di Asti");
    await s.api("POST", `/api/v1/agreements/${agreementId}/adhesions`, {
      token: admin.token,
      body: { organisationId: member._id.toHexString(), receivedOn: "2026-02-01", backdatingReason: "prot." },
    });
    const insider = await s.createPerson();
    await makeReferent(s, {
      agreementId,
      tableId,
      organisationId: member._id,
      personId: insider.id,
      from: "2026-02-01",
    });
    const stranger = await s.createPerson();
    const otherAgreement = (await makeAgreement(s, admin.token)).id;
    const otherTable = (await makeTable(s, admin.token, otherAgreement)).id;
    await makeReferent(s, {
      agreementId: otherAgreement,
      tableId: otherTable,
      organisationId: outsider._id,
      personId: stranger.id,
      from: "2026-02-01",
    });

    const asInsider = await s.api("GET", `/api/v1/tables/${tableId}`, { token: insider.token });
    expect(JSON.stringify(asInsider.body)).toContain(canary);
    for (const token of [undefined, stranger.token]) {
      const response = await s.api("GET", `/api/v1/tables/${tableId}`, { token });
      expect(response.status).toBe(200);
      expect(response.body.materials.map((m: { title: string }) => m.title)).toEqual(["Piano pubblico"]);
      const list = await s.api("GET", `/api/v1/agreements/${agreementId}/tables`, { token });
      expect(JSON.stringify(list.body)).not.toContain(canary);
    }
  });

  it("lets only agreement admins create tables and set coordinators, and coordinators add material", async () => {
    const someone = await s.createPerson();
    const denied = await makeTable(s, someone.token, agreementId).catch((e: Error) => e.message);
    expect(denied).toContain("forbidden");
    const coordinator = await s.createPerson({ name: "Coordinatrice WP5" });
    const set = await s.api("PUT", `/api/v1/tables/${tableId}/coordinators`, {
      token: admin.token,
      body: { personIds: [coordinator.id] },
    });
    expect(set.body.coordinatorIds).toEqual([coordinator.id]);
    const added = await s.api("POST", `/api/v1/tables/${tableId}/materials`, {
      token: coordinator.token,
      body: { title: "Verbale di avvio", url: "https://example.it/avvio.pdf" },
    });
    expect(added.status).toBe(201);
    const refused = await s.api("POST", `/api/v1/tables/${tableId}/materials`, {
      token: someone.token,
      body: { title: "Spam", url: "https://example.it/x" },
    });
    expect(refused.status).toBe(403);
    const audit = await s.api("GET", `/api/v1/audit?entityId=${tableId}`, { token: admin.token });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(["table.created", "table.coordinators_set", "table.material_added"]),
    );
    expect(audit.body.items[0].actorName).toBe("Coordinatrice WP5");
  });

  it("rejects bad kinds, non-http links, unknown coordinators and duplicate names without writing", async () => {
    const before = await s.c.tables.countDocuments();
    const post = (body: object) =>
      s.api("POST", `/api/v1/agreements/${agreementId}/tables`, { token: admin.token, body });
    expect((await post({ name: "X", kind: "bar" })).body.error.code).toBe("validation_failed");
    expect((await post({ name: "WP5 Sicurezza informatica", kind: "tavolo_di_lavoro" })).status).toBe(409);
    expect(
      (await post({ name: "Y", kind: "tavolo_tecnico", coordinatorIds: ["0123456789abcdef01234567"] }))
        .status,
    ).toBe(404);
    const link = await s.api("POST", `/api/v1/tables/${tableId}/materials`, {
      token: admin.token,
      body: { title: "Z", url: "javascript:alert(1)" },
    });
    expect(link.body.error.code).toBe("validation_failed");
    expect(await s.c.tables.countDocuments()).toBe(before);
  });

  it("renaming a founders-only table keeps it founders-only", async () => {
    const steering = await makeTable(s, admin.token, agreementId, {
      name: "Cabina di regia",
      kind: "cabina_di_regia",
      access: "founders",
      description: "Organo di indirizzo",
    });
    const renamed = await s.api("PATCH", `/api/v1/tables/${steering.id}`, {
      token: admin.token,
      body: { name: "Cabina di regia strategica" },
    });
    expect(renamed.body).toMatchObject({
      name: "Cabina di regia strategica",
      access: "founders",
      description: "Organo di indirizzo",
    });
  });

  it("loses none of many materials added at the same moment", async () => {
    const table = (await makeTable(s, admin.token, agreementId, { name: "Tavolo affollato" })).id;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        s.api("POST", `/api/v1/tables/${table}/materials`, {
          token: admin.token,
          body: { title: `Documento ${n}`, url: `https://example.it/${n}.pdf` },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    const stored = await s.api("GET", `/api/v1/tables/${table}`);
    expect(stored.body.materials).toHaveLength(8);
  });

  it("keeps audit entries of one agreement away from another agreement's admin", async () => {
    const otherAdmin = await s.createPerson();
    const other = (await makeAgreement(s, admin.token)).id;
    await s.api("POST", `/api/v1/agreements/${other}/admins`, {
      token: admin.token,
      body: { personId: otherAdmin.id },
    });
    const mine = await s.api("GET", `/api/v1/audit?agreementId=${other}`, { token: otherAdmin.token });
    expect(mine.status).toBe(200);
    // Its own agreement's entries only (its creation among them), none of the first agreement's.
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.map((e: { agreementId: string }) => e.agreementId)).toEqual(
      mine.body.items.map(() => other),
    );
    expect(mine.body.items.map((e: { entityId: string }) => e.entityId)).toContain(other);
    expect(JSON.stringify(mine.body)).not.toContain(canary);
    const theirs = await s.api("GET", `/api/v1/audit?agreementId=${agreementId}`, {
      token: otherAdmin.token,
    });
    expect(theirs.status).toBe(403);
    expect((await s.api("GET", "/api/v1/audit", { token: otherAdmin.token })).status).toBe(403);
  });
});
