import { readFileSync } from "node:fs";
import { MongoClient, ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CALATINO_COMUNI } from "../../../test/support/calatino.ts";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { loadActor } from "../people/load-actor.ts";
import { createCtx } from "../shared/context.ts";
import { EventBus } from "../shared/events.ts";
import { bundledComuniFile, importIstatComuni, loadComuni } from "./import-istat.ts";

type Comune = { nome: string; codice: string; sigla: string };
const file: Comune[] = JSON.parse(readFileSync(bundledComuniFile, "utf8"));
const calatino = CALATINO_COMUNI;

describe("ISTAT import", () => {
  let s: TestServer;
  let admin: Awaited<ReturnType<TestServer["createPerson"]>>;
  beforeAll(async () => {
    s = await startTestServer();
    admin = await s.createPerson({ admin: true });
  });
  afterAll(() => s.close());

  it("refuses anonymous callers and non-admins without writing anything", async () => {
    const someone = await s.createPerson();
    const auditBefore = await s.c.audit.countDocuments();
    expect((await s.api("POST", "/api/v1/organisations/import-istat")).status).toBe(401);
    const refused = await s.api("POST", "/api/v1/organisations/import-istat", { token: someone.token });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("forbidden");
    expect(await s.c.organisations.countDocuments()).toBe(0);
    expect(await s.c.audit.countDocuments()).toBe(auditBefore);
  });

  it("imports exactly the 7,904 comuni of the bundled file, with their ISTAT data", async () => {
    expect(file).toHaveLength(7904);
    const run = await s.api("POST", "/api/v1/organisations/import-istat", { token: admin.token });
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ total: 7904, inserted: 7904, updated: 0, unchanged: 0 });
    expect(await s.c.organisations.countDocuments({ kind: "comune" })).toBe(7904);
    const found = await s.api("GET", "/api/v1/organisations?q=caltagirone");
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0]).toMatchObject({
      key: "istat:087011",
      name: "Caltagirone",
      kind: "comune",
      istatCode: "087011",
      istatName: "Caltagirone",
      region: "Sicilia",
      province: "Catania",
      provinceCode: "087",
      plate: "CT",
      cadastralCode: "B428",
      population: 38123,
      website: null,
    });
    for (const name of calatino) {
      const page = await s.api("GET", `/api/v1/organisations?province=CT&q=${encodeURIComponent(name)}`);
      expect(page.body.items.map((o: { name: string }) => o.name)).toContain(name);
    }
    expect(await s.c.audit.countDocuments({ action: "organisations.imported" })).toBe(1);
    expect(s.events.filter((e) => e.type === "organisations.imported")).toHaveLength(1);
  });

  it("changes nothing on a second run but leaves one summary audit entry", async () => {
    const auditBefore = await s.c.audit.countDocuments();
    const run = await s.api("POST", "/api/v1/organisations/import-istat", { token: admin.token });
    expect(run.body).toMatchObject({ total: 7904, inserted: 0, updated: 0, unchanged: 7904 });
    expect(await s.c.organisations.countDocuments()).toBe(7904);
    expect(await s.c.audit.countDocuments()).toBe(auditBefore + 1);
  });

  it("restores the ISTAT fields of a changed comune and keeps what the organisation set itself", async () => {
    await s.c.organisations.updateOne(
      { key: "istat:087018" },
      { $set: { population: 1, istatName: "Gramichele", website: "https://www.comune.grammichele.ct.it" } },
    );
    const run = await s.api("POST", "/api/v1/organisations/import-istat", { token: admin.token });
    expect(run.body).toMatchObject({ inserted: 0, updated: 1, unchanged: 7903 });
    const doc = await s.c.organisations.findOne({ key: "istat:087018" });
    expect(doc).toMatchObject({
      istatName: "Grammichele",
      population: 13064,
      website: "https://www.comune.grammichele.ct.it",
    });
    const entry = await s.c.audit
      .find({ action: "organisations.imported" })
      .sort({ _id: -1 })
      .limit(1)
      .next();
    expect(entry?.before).toMatchObject({
      changed: [{ key: "istat:087018", istatName: "Gramichele", population: 1 }],
    });
    expect(entry?.after).toMatchObject({
      changed: [{ key: "istat:087018", istatName: "Grammichele", population: 13064 }],
    });
  });

  it("never renames a member organisation: its own name stays in agreements, the ISTAT one in istatName", async () => {
    const found = await s.api("GET", "/api/v1/organisations?q=milano&province=MI");
    const milano = found.body.items.find((o: { istatCode: string }) => o.istatCode === "015146");
    const renamed = await s.api("PATCH", `/api/v1/organisations/${milano.id}`, {
      token: admin.token,
      body: { name: "Comune di Milano" },
    });
    expect(renamed.status).toBe(200);
    const run = await s.api("POST", "/api/v1/organisations/import-istat", { token: admin.token });
    expect(run.body).toMatchObject({ inserted: 0, updated: 0 });
    const after = await s.api("GET", `/api/v1/organisations/${milano.id}`);
    expect(after.body).toMatchObject({ name: "Comune di Milano", istatName: "Milano", istatCode: "015146" });
  });

  it("walks every comune of a province page by page without duplicates", async () => {
    const expected = file.filter((c) => c.sigla === "CT").map((c) => c.nome);
    expect(expected).toHaveLength(58);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/v1/organisations?province=ct&kind=comune&limit=20${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await s.api("GET", query);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((o: { name: string }) => o.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(expected.sort());
    const byName = await s.api("GET", "/api/v1/organisations?province=Catania&region=sicilia&limit=100");
    expect(byName.body.items).toHaveLength(58);
  });

  it("refuses a second organisation with a key already taken (the unique key index is enforced)", async () => {
    const doc = {
      key: "istat:999999",
      name: "Prova",
      kind: "comune",
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    await s.c.organisations.insertOne({ ...doc, _id: new ObjectId() } as never);
    await expect(s.c.organisations.insertOne({ ...doc, _id: new ObjectId() } as never)).rejects.toMatchObject(
      {
        code: 11000,
      },
    );
    await expect(
      s.c.organisations.insertOne({ ...doc, key: "istat:087011", _id: new ObjectId() } as never),
    ).rejects.toMatchObject({ code: 11000 });
    expect(await s.c.organisations.countDocuments({ key: { $in: ["istat:999999", "istat:087011"] } })).toBe(
      2,
    );
  });
});

describe("ISTAT import run by two instances at once", () => {
  let s: TestServer;
  let other: MongoClient;
  beforeAll(async () => {
    s = await startTestServer();
    other = await MongoClient.connect(inject("mongoUri"));
  });
  afterAll(async () => {
    await other.close();
    await s.close();
  });

  it("still ends with exactly 7,904 comuni", async () => {
    const admin = await s.createPerson({ admin: true });
    const comuni = await loadComuni();
    // The second "instance": its own connection pool, its own context, the same database.
    const db = other.db(s.db.databaseName);
    const actor = await loadActor(
      createCtx({ db, bus: new EventBus() }).c,
      new ObjectId(admin.id),
      new Date(),
    );
    const [viaApi, direct] = await Promise.all([
      s.api("POST", "/api/v1/organisations/import-istat", { token: admin.token }),
      importIstatComuni({ ctx: createCtx({ db, bus: new EventBus(), actor }), input: { comuni } }),
    ]);
    expect(viaApi.status).toBe(200);
    expect(viaApi.body.inserted + direct.inserted).toBe(7904);
    expect(await s.c.organisations.countDocuments()).toBe(7904);
    expect((await s.c.organisations.distinct("key")).length).toBe(7904);
  }, 120_000); // two full imports of 7,904 comuni racing: long on a loaded two-core machine
});
