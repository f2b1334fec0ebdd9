import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";

const calatino = {
  slug: "calatino-test",
  title: "Calatino Smart Comunità",
  shortName: "Calatino",
  kind: "convenzione",
  adhesionDelayDays: 0,
  withdrawalNotice: { amount: 6, unit: "months" },
};

describe("agreements", () => {
  let s: TestServer;
  let admin: Awaited<ReturnType<TestServer["createPerson"]>>;
  beforeAll(async () => {
    s = await startTestServer();
    admin = await s.createPerson({ admin: true });
  });
  afterAll(() => s.close());

  it("an installation admin creates an agreement that anyone can then read", async () => {
    const created = await s.api("POST", "/api/v1/agreements", { token: admin.token, body: calatino });
    expect(created.status).toBe(201);
    expect(created.body.withdrawalNotice).toEqual({ amount: 6, unit: "months" });
    const list = await s.api("GET", "/api/v1/agreements");
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: { slug: string }) => a.slug)).toContain("calatino-test");
    const audit = await s.c.audit.findOne({ action: "agreement.created" });
    expect(audit?.actorId?.toHexString()).toBe(admin.id);
    expect(s.events.map((e) => e.type)).toContain("agreement.created");
  });

  it("refuses a duplicate slug with 409 and an Italian message", async () => {
    const again = await s.api("POST", "/api/v1/agreements", { token: admin.token, body: calatino });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("conflict");
    expect(again.body.error.message).toMatch(/Esiste già/);
    expect(await s.c.agreements.countDocuments({ slug: "calatino-test" })).toBe(1);
  });

  it("rejects unknown fields, wrong types and anonymous writes without writing anything", async () => {
    const before = await s.c.agreements.countDocuments();
    const unknown = await s.api("POST", "/api/v1/agreements", {
      token: admin.token,
      body: { ...calatino, slug: "x-unknown", hacked: true },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe("validation_failed");
    const wrongType = await s.api("POST", "/api/v1/agreements", {
      token: admin.token,
      body: { ...calatino, slug: "x-type", adhesionDelayDays: "quindici" },
      lang: "en",
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.message).toBe("Invalid input.");
    const anonymous = await s.api("POST", "/api/v1/agreements", { body: { ...calatino, slug: "x-anon" } });
    expect(anonymous.status).toBe(401);
    const badJson = await s.api("POST", "/api/v1/agreements", { token: admin.token, rawBody: "{nope" });
    expect(badJson.status).toBe(400);
    expect(badJson.body.error.code).toBe("invalid_json");
    expect(await s.c.agreements.countDocuments()).toBe(before);
  });

  it("answers a bad id with invalid_id and a missing one with not_found", async () => {
    expect((await s.api("GET", "/api/v1/agreements/xyz")).body.error.code).toBe("invalid_id");
    expect((await s.api("GET", "/api/v1/agreements/0123456789abcdef01234567")).status).toBe(404);
  });

  it("refuses oversized bodies with 413", async () => {
    const huge = { ...calatino, slug: "x-huge", description: "a".repeat(400_000) };
    const response = await s.rawRequest("POST", "/api/v1/agreements", JSON.stringify(huge), {
      authorization: `Bearer ${admin.token}`,
    });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe("payload_too_large");
  });

  it("applies concurrent changes to different terms of one agreement without losing either", async () => {
    const created = await s.api("POST", "/api/v1/agreements", {
      token: admin.token,
      body: { ...calatino, slug: "concurrent-terms" },
    });
    const path = `/api/v1/agreements/${created.body.id}`;
    await Promise.all([
      s.api("PATCH", path, { token: admin.token, body: { adhesionDelayDays: 15 } }),
      s.api("PATCH", path, { token: admin.token, body: { withdrawalNotice: { amount: 3, unit: "months" } } }),
      s.api("PATCH", path, {
        token: admin.token,
        body: { description: "Convenzione per il servizio ICT associato" },
      }),
    ]);
    const after = await s.api("GET", path);
    expect(after.body).toMatchObject({
      adhesionDelayDays: 15,
      withdrawalNotice: { amount: 3, unit: "months" },
      description: "Convenzione per il servizio ICT associato",
    });
    // The audit tells the true story: each change started from the state the previous one left
    // (revisions 0, 1, 2 each matched once). Only `before` is compared: under load mongo-java-server's
    // findAndModify can return a state that already holds the next change (docs/embedded-database.md).
    const audit = await s.api("GET", `/api/v1/audit?entityId=${created.body.id}&action=agreement.updated`, {
      token: admin.token,
    });
    const matched = audit.body.items.map(
      (entry: { before: { revision?: number } }) => entry.before.revision ?? 0,
    );
    expect(matched.sort()).toEqual([0, 1, 2]);
    expect((await s.c.agreements.findOne({ slug: "concurrent-terms" }))?.revision).toBe(3);
  });

  it("a PATCH changes only what it names, refuses an empty change and a non-JSON body", async () => {
    const created = await s.api("POST", "/api/v1/agreements", {
      token: admin.token,
      body: { ...calatino, slug: "partial-patch", description: "Testo originale", signedOn: "2020-03-31" },
    });
    const path = `/api/v1/agreements/${created.body.id}`;
    const patched = await s.api("PATCH", path, { token: admin.token, body: { shortName: "Calatino SC" } });
    expect(patched.body).toMatchObject({
      shortName: "Calatino SC",
      description: "Testo originale",
      signedOn: "2020-03-31",
      kind: "convenzione",
    });
    expect((await s.api("PATCH", path, { token: admin.token, body: {} })).body.error.code).toBe(
      "validation_failed",
    );
    const noBody = await s.api("PATCH", path, { token: admin.token });
    expect(noBody.status).toBe(400);
    const form = await s.api("PATCH", path, {
      token: admin.token,
      rawBody: "shortName=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    expect(form.body.error.code).toBe("unsupported_media_type");
    expect((await s.api("GET", path)).body.shortName).toBe("Calatino SC");
  });

  it("paginates with a cursor", async () => {
    for (const n of [1, 2, 3]) {
      await s.api("POST", "/api/v1/agreements", {
        token: admin.token,
        body: { ...calatino, slug: `page-${n}` },
      });
    }
    const first = await s.api("GET", "/api/v1/agreements?limit=2");
    expect(first.body.items).toHaveLength(2);
    const second = await s.api("GET", `/api/v1/agreements?limit=2&cursor=${first.body.nextCursor}`);
    const seen = [...first.body.items, ...second.body.items].map((a: { id: string }) => a.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect((await s.api("GET", "/api/v1/agreements?cursor=%%%")).body.error.code).toBe("invalid_cursor");
  });
});
