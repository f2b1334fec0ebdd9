import { createECDH, createHash, randomBytes } from "node:crypto";
import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakePush, startFakePush } from "../../../test/support/fake-push.ts";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { loadActor } from "../people/load-actor.ts";
import { createCtx } from "../shared/context.ts";
import { erasePushSubscriptionsOf, exportPushSubscriptionsOf } from "./personal-data.ts";
import { loadVapidKeys } from "./vapid.ts";

const PATH = "/api/v1/people/me/push-subscriptions";

describe("push subscriptions (the browsers a person receives reminders on)", () => {
  let s: TestServer;
  let push: FakePush;
  beforeAll(async () => {
    s = await startTestServer();
    push = await startFakePush();
    s.clock.now = new Date("2026-03-10T09:00:00Z");
  });
  afterAll(async () => {
    await push.close();
    await s.close();
  });

  const post = (token: string, body: unknown, lang?: string) => s.api("POST", PATH, { token, body, lang });
  const auditOf = (personId: string) =>
    s.c.audit
      .find({ entity: "person", entityId: new ObjectId(personId), action: /^push_subscription\./ })
      .sort({ _id: 1 })
      .toArray();

  it("serves the VAPID public key without a login, the same key every time and the one stored", async () => {
    const first = await s.api("GET", "/api/v1/push/vapid-public-key");
    expect(first.status).toBe(200);
    const key = Buffer.from(first.body.publicKey, "base64url");
    expect([key.length, key[0]]).toEqual([65, 4]);
    const again = await s.api("GET", "/api/v1/push/vapid-public-key");
    expect(again.body.publicKey).toBe(first.body.publicKey);
    expect((await loadVapidKeys(s.db, s.config)).publicKey).toBe(first.body.publicKey);
    expect(await s.c.vapidKeys.countDocuments()).toBe(1);
  });

  it("stores a browser's subscription, lists it without its keys, and deletes it", async () => {
    const person = await s.createPerson({ name: "Paola Push" });
    const browser = push.subscribe();
    const res = await post(person.token, {
      ...browser,
      userAgent: "Firefox 128 (Android)",
      label: "Telefono",
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      endpoint: browser.endpoint,
      pushService: push.origin,
      expirationTime: null,
      userAgent: "Firefox 128 (Android)",
      label: "Telefono",
      createdAt: "2026-03-10T09:00:00.000Z",
      updatedAt: "2026-03-10T09:00:00.000Z",
    });
    expect(JSON.stringify(res.body)).not.toContain(browser.keys.p256dh);
    expect(JSON.stringify(res.body)).not.toContain(browser.keys.auth);
    const stored = await s.c.pushSubscriptions.findOne({ endpoint: browser.endpoint });
    expect(stored?.keys).toEqual(browser.keys);
    expect(stored?.personId.toHexString()).toBe(person.id);

    const list = await s.api("GET", PATH, { token: person.token });
    expect(list.body).toEqual({ items: [res.body] });
    const other = await s.createPerson();
    expect((await s.api("GET", PATH, { token: other.token })).body).toEqual({ items: [] });

    // Someone else's subscription does not exist for them.
    const foreign = await s.api("DELETE", `${PATH}/${res.body.id}`, { token: other.token });
    expect([foreign.status, foreign.body.error.code]).toEqual([404, "not_found"]);
    const bad = await s.api("DELETE", `${PATH}/nope`, { token: person.token });
    expect([bad.status, bad.body.error.code]).toEqual([400, "invalid_id"]);
    expect((await s.api("DELETE", `${PATH}/${res.body.id}`, { token: person.token })).status).toBe(204);
    expect(await s.c.pushSubscriptions.countDocuments({ endpoint: browser.endpoint })).toBe(0);
    expect((await s.api("DELETE", `${PATH}/${res.body.id}`, { token: person.token })).status).toBe(404);

    const audit = await auditOf(person.id);
    expect(audit.map((a) => [a.action, a.actorName, a.before, a.after])).toEqual([
      [
        "push_subscription.added",
        "Paola Push",
        null,
        {
          subscriptionId: stored?._id,
          pushService: push.origin,
          label: "Telefono",
          userAgent: "Firefox 128 (Android)",
        },
      ],
      [
        "push_subscription.removed",
        "Paola Push",
        {
          subscriptionId: stored?._id,
          pushService: push.origin,
          label: "Telefono",
          userAgent: "Firefox 128 (Android)",
        },
        null,
      ],
    ]);
  });

  it("keeps one subscription per endpoint: a repeat updates it, and another person's post takes it over", async () => {
    const anna = await s.createPerson();
    const bruno = await s.createPerson();
    const browser = push.subscribe();
    const first = await post(anna.token, browser);
    const repeat = await post(anna.token, browser);
    expect([repeat.status, repeat.body.id]).toEqual([201, first.body.id]);
    expect(await auditOf(anna.id)).toHaveLength(1); // a repeat that changes nothing is not audited

    const renamed = await post(anna.token, { ...browser, label: "Portatile" });
    expect([renamed.body.id, renamed.body.label]).toEqual([first.body.id, "Portatile"]);
    expect((await auditOf(anna.id)).map((a) => a.action)).toEqual([
      "push_subscription.added",
      "push_subscription.updated",
    ]);

    // Bruno signs in on the same browser: its pushes are his now.
    const taken = await post(bruno.token, browser);
    expect(taken.body.id).toBe(first.body.id);
    expect(await s.c.pushSubscriptions.countDocuments({ endpoint: browser.endpoint })).toBe(1);
    expect((await s.api("GET", PATH, { token: anna.token })).body.items).toEqual([]);
    expect((await s.api("GET", PATH, { token: bruno.token })).body.items).toHaveLength(1);
    expect((await auditOf(anna.id)).map((a) => [a.action, a.after])).toContainEqual([
      "push_subscription.moved",
      null,
    ]);
    expect((await auditOf(bruno.id)).map((a) => a.action)).toEqual(["push_subscription.added"]);
  });

  it("stores one document when a browser posts the same endpoint several times at once", async () => {
    const person = await s.createPerson();
    const browser = push.subscribe();
    const results = await Promise.all([1, 2, 3, 4].map(() => post(person.token, browser)));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await s.c.pushSubscriptions.countDocuments({ endpoint: browser.endpoint })).toBe(1);
    // What makes it one on a real MongoDB too, where upserts racing are not serialised: the unique index.
    const stored = await s.c.pushSubscriptions.findOne({ endpoint: browser.endpoint });
    if (!stored) throw new Error("not stored");
    expect(stored.endpointHash).toBe(createHash("sha256").update(browser.endpoint).digest("hex"));
    await expect(s.c.pushSubscriptions.insertOne({ ...stored, _id: new ObjectId() })).rejects.toMatchObject({
      code: 11000,
    });
  });

  it("replaces the old subscription on pushsubscriptionchange, in the same call", async () => {
    const person = await s.createPerson();
    const old = push.subscribe();
    const oldId = (await post(person.token, old)).body.id;
    const fresh = push.subscribe();
    const res = await post(person.token, { ...fresh, replaces: old.endpoint });
    expect(res.status).toBe(201);
    const list = await s.api("GET", PATH, { token: person.token });
    expect(list.body.items.map((i: { endpoint: string }) => i.endpoint)).toEqual([fresh.endpoint]);
    const replaced = (await auditOf(person.id)).find((a) => a.action === "push_subscription.replaced");
    expect(replaced?.before).toEqual({
      subscriptionId: new ObjectId(oldId),
      pushService: push.origin,
      label: null,
      userAgent: null,
    });
    expect(replaced?.after).toEqual({ replacedBy: new ObjectId(res.body.id) });

    // Only one's own old subscription goes.
    const other = await s.createPerson();
    const theirs = push.subscribe();
    await post(other.token, theirs);
    await post(person.token, { ...push.subscribe(), replaces: theirs.endpoint });
    expect((await s.api("GET", PATH, { token: other.token })).body.items).toHaveLength(1);
  });

  it("refuses endpoints that are not https and keys of the wrong kind, in Italian or English", async () => {
    const person = await s.createPerson();
    const browser = push.subscribe();
    const before = await s.c.pushSubscriptions.countDocuments();
    const audits = await s.c.audit.countDocuments();
    const offCurve = Buffer.from(browser.keys.p256dh, "base64url");
    offCurve[40] = (offCurve[40] ?? 0) ^ 1;
    const compressed = createECDH("prime256v1");
    compressed.generateKeys();
    const cases: [unknown, string, string | null][] = [
      [{ ...browser, endpoint: "http://push.example.com/x" }, "push_endpoint_invalid", "endpoint"],
      [{ ...browser, endpoint: `http://127.0.0.1:9/push/x` }, "push_endpoint_invalid", "endpoint"],
      [{ ...browser, endpoint: "push.example.com/x" }, "push_endpoint_invalid", "endpoint"],
      [{ ...browser, endpoint: "https://user:pw@push.example.com/x" }, "push_endpoint_invalid", "endpoint"],
      // Not a browser's push service: the server would POST into whatever network the URL names.
      [{ ...browser, endpoint: "https://intranet.comune.example.it/x" }, "push_endpoint_invalid", "endpoint"],
      [
        { ...browser, endpoint: "https://fcm.googleapis.com.evil.example/x" },
        "push_endpoint_invalid",
        "endpoint",
      ],
      [{ ...browser, keys: { ...browser.keys, p256dh: "AAAA" } }, "push_keys_invalid", "keys.p256dh"],
      [
        { ...browser, keys: { ...browser.keys, p256dh: offCurve.toString("base64url") } },
        "push_keys_invalid",
        "keys.p256dh",
      ],
      [
        { ...browser, keys: { ...browser.keys, p256dh: compressed.getPublicKey("base64url", "compressed") } },
        "push_keys_invalid",
        "keys.p256dh",
      ],
      [
        // Node's decoder would skip the dot and read the very same point.
        {
          ...browser,
          keys: {
            ...browser.keys,
            p256dh: `${browser.keys.p256dh.slice(0, 30)}.${browser.keys.p256dh.slice(30)}`,
          },
        },
        "push_keys_invalid",
        "keys.p256dh",
      ],
      [
        { ...browser, keys: { ...browser.keys, auth: randomBytes(15).toString("base64url") } },
        "push_keys_invalid",
        "keys.auth",
      ],
      [
        { ...browser, keys: { ...browser.keys, auth: randomBytes(32).toString("base64url") } },
        "push_keys_invalid",
        "keys.auth",
      ],
      [{ endpoint: browser.endpoint }, "validation_failed", null],
      [{ ...browser, keys: { p256dh: browser.keys.p256dh } }, "validation_failed", null],
      [{ ...browser, extra: true }, "validation_failed", null],
      [{ ...browser, endpoint: `https://push.example.com/${"x".repeat(2100)}` }, "validation_failed", null],
    ];
    for (const [body, code, field] of cases) {
      const res = await post(person.token, body);
      expect([res.status, res.body.error?.code], JSON.stringify(body).slice(0, 200)).toEqual([400, code]);
      if (field) expect(res.body.error.details.field).toBe(field);
    }
    const it = await post(person.token, { ...browser, endpoint: "http://push.example.com/x" });
    expect(it.body.error.message).toBe(
      "L'indirizzo della sottoscrizione push deve essere l'URL https del servizio push del browser.",
    );
    const en = await post(person.token, { ...browser, keys: { ...browser.keys, auth: "AAAA" } }, "en");
    expect(en.body.error.message).toBe(
      "The push subscription's keys are invalid: p256dh is an uncompressed P-256 point (65 bytes) and auth a 16-byte secret, both base64url.",
    );
    expect(await s.c.pushSubscriptions.countDocuments()).toBe(before);
    expect(await s.c.audit.countDocuments()).toBe(audits);
  });

  it("needs a login for everything but the public key", async () => {
    const browser = push.subscribe();
    expect((await s.api("GET", PATH)).status).toBe(401);
    const res = await s.api("POST", PATH, { body: browser });
    expect([res.status, res.body.error.code]).toEqual([401, "unauthenticated"]);
    expect((await s.api("DELETE", `${PATH}/6650f1c2a1b2c3d4e5f60718`)).status).toBe(401);
    expect(await s.c.pushSubscriptions.countDocuments({ endpoint: browser.endpoint })).toBe(0);
  });

  it("never writes keys or endpoints into the audit", async () => {
    const person = await s.createPerson();
    const browser = push.subscribe();
    const id = (await post(person.token, { ...browser, label: "Tablet" })).body.id;
    await post(person.token, { ...browser, label: "Tablet di casa" });
    await s.api("DELETE", `${PATH}/${id}`, { token: person.token });
    const audit = JSON.stringify(await auditOf(person.id));
    expect(audit).toContain("Tablet di casa");
    for (const secret of [browser.keys.p256dh, browser.keys.auth, browser.endpoint])
      expect(audit).not.toContain(secret);
  });

  it("gives the person's subscriptions to their export and removes them on erasure", async () => {
    const person = await s.createPerson();
    const browser = push.subscribe();
    const stored = (await post(person.token, { ...browser, label: "Telefono" })).body;
    const other = await s.createPerson();
    await post(other.token, push.subscribe());
    const actor = await loadActor(s.c, person.person._id, s.clock.now);
    const ctx = createCtx({ db: s.db, bus: s.bus, actor, now: () => s.clock.now });
    expect(await exportPushSubscriptionsOf(ctx, person.person._id)).toEqual([stored]);
    await erasePushSubscriptionsOf(ctx, person.person._id);
    expect(await exportPushSubscriptionsOf(ctx, person.person._id)).toEqual([]);
    expect(await s.c.pushSubscriptions.countDocuments({ personId: other.person._id })).toBe(1);
  });

  it("is documented in the OpenAPI description", async () => {
    const doc = await s.api("GET", "/api/v1/openapi.json");
    expect(Object.keys(doc.body.paths["/people/me/push-subscriptions"]).sort()).toEqual(["get", "post"]);
    expect(Object.keys(doc.body.paths["/people/me/push-subscriptions/{id}"])).toEqual(["delete"]);
    expect(doc.body.paths["/push/vapid-public-key"].get.security).toBeUndefined();
    expect(Object.keys(doc.body.components.schemas)).toEqual(
      expect.arrayContaining(["PushSubscription", "PushSubscriptionInput", "VapidPublicKey"]),
    );
  });
});
