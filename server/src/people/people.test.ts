import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { designate, designationWorld, TODAY, TOMORROW, YESTERDAY } from "../designations/test-fixtures.ts";

type Person = Awaited<ReturnType<TestServer["createPerson"]>>;

describe("people", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof designationWorld>>;
  let referent: Person;
  let plain: Person;
  beforeAll(async () => {
    s = await startTestServer();
    w = await designationWorld(s);
    referent = await s.createPerson({ name: "Rita Referente", email: "rita@caltagirone.example.it" });
    plain = await s.createPerson({ name: "Paolo Qualunque" });
    await designate(s, w.admin.token, w.openTable, {
      organisationId: w.orgA,
      personId: referent.id,
      from: TODAY,
    });
  });
  afterAll(() => s.close());

  it("admins and referents register people with a normalised, unique e-mail", async () => {
    const created = await s.api("POST", "/api/v1/people", {
      token: referent.token,
      body: { name: "Giulia Nuova", email: "  Giulia.Nuova@Caltagirone.Example.IT " },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: "giulia.nuova@caltagirone.example.it",
      locale: "it",
      isInstallationAdmin: false,
    });
    expect(s.events.at(-1)).toMatchObject({ type: "person.created", payload: { personId: created.body.id } });
    const before = await s.c.people.countDocuments();
    const duplicate = await s.api("POST", "/api/v1/people", {
      token: w.agreementAdmin.token,
      body: { name: "Giulia Doppia", email: "GIULIA.NUOVA@caltagirone.example.it" },
    });
    expect([duplicate.status, duplicate.body.error.code]).toEqual([409, "conflict"]);
    const byNobody = await s.api("POST", "/api/v1/people", {
      token: plain.token,
      body: { name: "X", email: "x@example.it" },
    });
    expect([byNobody.status, byNobody.body.error.code]).toEqual([403, "forbidden"]);
    const badEmail = await s.api("POST", "/api/v1/people", {
      token: w.admin.token,
      body: { name: "Y", email: "nope" },
    });
    expect(badEmail.body.error.code).toBe("validation_failed");
    const selfPromoted = await s.api("POST", "/api/v1/people", {
      token: w.admin.token,
      body: { name: "Z", email: "z@example.it", isInstallationAdmin: true },
    });
    expect(selfPromoted.body.error.code).toBe("validation_failed");
    expect(await s.c.people.countDocuments()).toBe(before);
  });

  it("answers a referent alike for a new and a known address, so people cannot be enumerated", async () => {
    const known = await s.createPerson({ name: "Marta Già Registrata", email: "marta@comune.example.it" });
    const register = (email: string) =>
      s.api("POST", "/api/v1/people", { token: referent.token, body: { name: "Collega Nuova", email } });
    const fresh = await register("collega.nuova@comune.example.it");
    const existing = await register("MARTA@comune.example.it");
    const shape = (r: typeof fresh) => ({
      status: r.status,
      keys: Object.keys(r.body).sort(),
      name: r.body.name,
      isInstallationAdmin: r.body.isInstallationAdmin,
    });
    expect(shape(existing)).toEqual(shape(fresh));
    expect(existing.body.email).toBe("marta@comune.example.it");
    // The stored person is not renamed, and the referent can designate the colleague by that id.
    expect(existing.body.id).toBe(known.id);
    expect((await s.c.people.findOne({ _id: known.person._id }))?.name).toBe("Marta Già Registrata");
    expect(await s.c.people.countDocuments({ email: "marta@comune.example.it" })).toBe(1);
    // Admins, who may see people anyway, still learn of the duplicate.
    const byAdmin = await s.api("POST", "/api/v1/people", {
      token: w.admin.token,
      body: { name: "Marta Doppia", email: "marta@comune.example.it" },
    });
    expect([byAdmin.status, byAdmin.body.error.code]).toEqual([409, "conflict"]);
  });

  it("a person reads and corrects their own data, but not their e-mail or roles", async () => {
    const me = await s.api("GET", "/api/v1/people/me", { token: referent.token });
    expect(me.body).toMatchObject({ id: referent.id, email: referent.person.email, referentFor: [w.orgA] });
    const patched = await s.api("PATCH", "/api/v1/people/me", {
      token: referent.token,
      body: { name: "Rita R.", locale: "en" },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: "Rita R.", locale: "en" });
    expect(s.events.at(-1)).toMatchObject({
      type: "person.updated",
      payload: { changed: ["name", "locale"] },
    });
    const audit = await s.c.audit.findOne({ action: "person.updated", entityId: new ObjectId(referent.id) });
    expect(audit?.before).toMatchObject({ name: "Rita Referente" });
    for (const body of [{ email: "other@example.it" }, { isInstallationAdmin: true }, {}]) {
      expect(
        (await s.api("PATCH", "/api/v1/people/me", { token: referent.token, body })).body.error.code,
      ).toBe("validation_failed");
    }
    expect((await s.c.people.findOne({ _id: new ObjectId(referent.id) }))?.email).toBe(referent.person.email);
    expect((await s.api("GET", "/api/v1/people/me")).status).toBe(401);
  });

  it("applies concurrent corrections of one's own record each on the state the previous one left", async () => {
    const person = await s.createPerson({ name: "Ugo Concorrente" });
    const patches = [{ name: "Ugo C." }, { locale: "en" }, { name: "Ugo Conc." }, { locale: "it" }];
    const results = await Promise.all(
      patches.map((body) => s.api("PATCH", "/api/v1/people/me", { token: person.token, body })),
    );
    expect(results.map((r) => r.status)).toEqual(patches.map(() => 200));
    const entries = await s.c.audit
      .find({ action: "person.updated", entityId: new ObjectId(person.id) })
      .toArray();
    type Rev = { revision?: number };
    // Each winner matched a revision no other change matched (no lost update, no second winner). The
    // `after` revisions are not checked: under load mongo-java-server's findOneAndUpdate can return the
    // document with a later change already applied.
    const befores = entries.map((e) => (e.before as Rev).revision ?? 0).sort((x, y) => x - y);
    expect(befores).toEqual(patches.map((_, i) => i));
    const last = entries.find((e) => (e.after as Rev).revision === patches.length)?.after;
    expect(await s.c.people.findOne({ _id: new ObjectId(person.id) })).toMatchObject(last as object);
  });

  it("shows a person only to themself, installation admins and admins of an agreement they serve", async () => {
    const get = (token: string, id = referent.id) => s.api("GET", `/api/v1/people/${id}`, { token });
    expect((await get(referent.token)).status).toBe(200);
    expect((await get(w.admin.token)).body.email).toBe(referent.person.email);
    expect((await get(w.agreementAdmin.token)).status).toBe(200);
    expect((await get(w.agreementAdmin.token, plain.id)).status).toBe(403);
    expect((await get(plain.token)).status).toBe(403);
    expect((await get(plain.token, "0123456789abcdef01234567")).status).toBe(403);
    expect((await get(w.admin.token, "0123456789abcdef01234567")).status).toBe(404);
    expect((await get(w.admin.token, "me-not")).body.error.code).toBe("invalid_id");
  });

  it("shows an agreement's admins a person designated from a later day, not one whose designation ended", async () => {
    const served = async (from: string, to: string | null) => {
      const person = await s.createPerson({});
      await s.c.designations.insertOne({
        ...{
          _id: new ObjectId(),
          agreementId: new ObjectId(w.agreementId),
          tableId: new ObjectId(w.openTable),
        },
        ...{ organisationId: new ObjectId(w.orgB), personId: new ObjectId(person.id), kind: "standing" },
        ...{ meetingRef: null, from, to, substitutedById: null, substitutesId: null },
        ...{ createdAt: new Date(), createdBy: null },
      });
      return person.id;
    };
    const get = (id: string) => s.api("GET", `/api/v1/people/${id}`, { token: w.agreementAdmin.token });
    expect((await get(await served(TOMORROW, null))).status).toBe(200);
    expect((await get(await served("2025-01-01", YESTERDAY))).status).toBe(403);
  });

  it("lists and searches people for installation admins only", async () => {
    const found = await s.api("GET", "/api/v1/people?q=RITA", { token: w.admin.token });
    expect(found.body.items.map((p: { id: string }) => p.id)).toEqual([referent.id]);
    const byEmail = await s.api("GET", "/api/v1/people?q=giulia.nuova@", { token: w.admin.token });
    expect(byEmail.body.items).toHaveLength(1);
    const page = await s.api("GET", "/api/v1/people?limit=2", { token: w.admin.token });
    expect([page.body.items.length, typeof page.body.nextCursor]).toEqual([2, "string"]);
    expect((await s.api("GET", "/api/v1/people", { token: w.agreementAdmin.token })).status).toBe(403);
  });

  it("exports everything held about me, and nothing about anyone else", async () => {
    const colleague = await s.api("POST", "/api/v1/people", {
      token: referent.token,
      body: { name: "Collega Riservata", email: "collega.riservata@caltagirone.example.it" },
    });
    await designate(s, referent.token, w.foundersTable, {
      organisationId: w.orgA,
      personId: colleague.body.id,
      from: TODAY,
    });
    const exported = await s.api("GET", "/api/v1/people/me/export", { token: referent.token });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-disposition")).toMatch(
      /^attachment; filename="tavoli-dati-personali-.*\.json"$/,
    );
    expect(exported.body.person).toMatchObject({ id: referent.id, email: referent.person.email });
    expect(exported.body.designations).toEqual([
      expect.objectContaining({
        organisationId: w.orgA,
        organisationName: "Comune di Caltagirone",
        tableId: w.openTable,
      }),
    ]);
    expect(exported.body.apiTokens).toEqual([expect.objectContaining({ name: "test", revokedAt: null })]);
    const actions = exported.body.auditEntries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["person.updated", "person.created", "designation.created"]),
    );
    const text = JSON.stringify(exported.body);
    for (const other of [
      colleague.body.id,
      "Collega Riservata",
      "collega.riservata",
      w.admin.id,
      w.admin.person.email,
    ]) {
      expect(text).not.toContain(other);
    }
    expect(text).not.toContain("tokenHash");
  });

  it("documents the people and designation endpoints in the OpenAPI description", async () => {
    const doc = await s.api("GET", "/api/v1/openapi.json");
    expect(doc.status).toBe(200);
    for (const path of [
      "/people",
      "/people/me/export",
      "/tables/{id}/designations",
      "/designations/{id}/substitute",
    ]) {
      expect(doc.body.paths).toHaveProperty([path]);
    }
    expect(doc.body.components.schemas.PersonInput.properties.email.type).toBe("string");
  });
});
