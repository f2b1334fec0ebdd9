import { createServer } from "node:net";
import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import webpush from "web-push";
import { type FakePush, startFakePush } from "../../../test/support/fake-push.ts";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { createCtx } from "../shared/context.ts";
import type { PushSubscriptionDoc } from "./documents.ts";
import { MAX_PAYLOAD_BYTES, type PushReminder, topicFor } from "./payload.ts";
import { type PushDeps, sendPush } from "./send.ts";
import { loadVapidKeys, type VapidKeys } from "./vapid.ts";

const NOW = new Date("2026-03-10T09:00:00Z");
const MEETING = new ObjectId();

const reminder = (change: Partial<PushReminder> = {}): PushReminder => ({
  meetingId: MEETING,
  title: "Tavolo tecnico SUAP",
  body: "Domani alle 10:00, Sala consiliare",
  startsAt: new Date("2026-03-11T09:00:00Z"),
  url: "https://tavoli.example.it/meetings/1",
  last: false,
  ...change,
});

describe("sendPush: one reminder to one browser through its push service", () => {
  let s: TestServer;
  let push: FakePush;
  let vapid: VapidKeys;
  let deps: PushDeps;
  beforeAll(async () => {
    s = await startTestServer();
    push = await startFakePush();
    s.clock.now = NOW;
    vapid = await loadVapidKeys(s.db, s.config);
    const ctx = createCtx({ db: s.db, bus: s.bus, now: () => new Date(s.clock.now) });
    deps = { ctx, vapid, agent: push.agent };
  });
  afterAll(async () => {
    await push.close();
    await s.close();
  });

  /** A browser subscribed with the installation's key, registered through the API as the PWA does. */
  async function subscribed(): Promise<PushSubscriptionDoc> {
    const person = await s.createPerson();
    const key = (await s.api("GET", "/api/v1/push/vapid-public-key")).body.publicKey;
    const browser = push.subscribe(key);
    const res = await s.api("POST", "/api/v1/people/me/push-subscriptions", {
      token: person.token,
      body: browser,
    });
    expect(res.status).toBe(201);
    const doc = await s.c.pushSubscriptions.findOne({ _id: new ObjectId(res.body.id as string) });
    if (!doc) throw new Error("not stored");
    return doc;
  }

  const arrivedAt = (endpoint: string) => push.waitFor((p) => p.endpoint === endpoint);

  it("delivers a message the browser decrypts, signed with the installation's VAPID key", async () => {
    const subscription = await subscribed();
    const outcome = await sendPush(deps, subscription, reminder());
    expect(outcome).toEqual({ status: "delivered", httpStatus: 201, latencyMs: expect.any(Number) });
    const received = await arrivedAt(subscription.endpoint);
    expect(received.refusal).toBeNull();
    expect(received.vapid).toEqual({
      aud: push.origin,
      exp: expect.any(Number),
      sub: "mailto:noreply@tavoli.localhost",
      k: vapid.publicKey,
    });
    expect(JSON.parse(received.plaintext ?? "")).toEqual({
      meetingId: MEETING.toHexString(),
      title: "Tavolo tecnico SUAP",
      body: "Domani alle 10:00, Sala consiliare",
      startsAtRome: "2026-03-11T10:00:00+01:00",
      url: "https://tavoli.example.it/meetings/1",
      tag: `meeting-${MEETING.toHexString()}`,
    });
  });

  it("lives until the sitting starts, is urgent only as the last reminder, and replaces by sitting", async () => {
    const subscription = await subscribed();
    await sendPush(deps, subscription, reminder());
    await sendPush(deps, subscription, reminder({ last: true, startsAt: new Date("2026-03-10T10:00:30Z") }));
    await sendPush(deps, subscription, reminder({ startsAt: new Date("2026-03-10T08:00:00Z") }));
    const other = new ObjectId();
    await sendPush(deps, subscription, reminder({ meetingId: other.toHexString() }));
    await push.waitFor((p) => p.endpoint === subscription.endpoint && p.topic === topicFor(other));
    const mine = push.received.filter((p) => p.endpoint === subscription.endpoint);
    expect(mine.map((p) => [p.status, p.ttl, p.urgency])).toEqual([
      [201, String(24 * 3600), "normal"],
      [201, "3630", "high"],
      [201, "0", "normal"], // already started: deliver now or never
      [201, String(24 * 3600), "normal"],
    ]);
    const topics = mine.map((p) => p.topic ?? "");
    expect(new Set(topics.slice(0, 3)).size).toBe(1);
    expect(topics[3]).not.toBe(topics[0]);
    for (const topic of topics) expect(topic).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
  });

  it("sends only the reminder's own fields, whatever else the caller's object carries", async () => {
    const subscription = await subscribed();
    const meeting = {
      ...reminder(),
      agenda: [{ title: "riservato: contenzioso con il fornitore", confidential: true }],
      videoLink: "https://meet.jit.si/segreto",
    };
    await sendPush(deps, subscription, meeting);
    const received = await arrivedAt(subscription.endpoint);
    expect(Object.keys(JSON.parse(received.plaintext ?? "{}")).sort()).toEqual(
      ["body", "meetingId", "startsAtRome", "tag", "title", "url"].sort(),
    );
    expect(received.plaintext).not.toMatch(/riservato|contenzioso|segreto/);
  });

  it("keeps the payload within 3,000 bytes however long the title, cutting whole characters", async () => {
    const subscription = await subscribed();
    // A family is one character of 7 code points (25 bytes): cut anywhere else, it falls apart.
    const title = `Seduta sull'è-government ${"👩‍👩‍👧‍👦".repeat(400)}`;
    await sendPush(deps, subscription, reminder({ title }));
    const received = await arrivedAt(subscription.endpoint);
    expect(received.status).toBe(201);
    const text = received.plaintext ?? "";
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    expect(Buffer.byteLength(text)).toBeGreaterThan(MAX_PAYLOAD_BYTES - 50);
    expect(text).not.toContain("\uFFFD");
    const payload = JSON.parse(text);
    expect(payload.title.endsWith("…")).toBe(true);
    expect(title.startsWith(payload.title.slice(0, -1))).toBe(true);
    // Cut where a character ends: never inside the family emoji, whose parts are joined code points.
    const ends = new Set<number>();
    for (const { index, segment } of new Intl.Segmenter("it", { granularity: "grapheme" }).segment(title))
      ends.add(index + segment.length);
    expect(ends.has(payload.title.length - 1)).toBe(true);
    expect(payload.body).toBe("Domani alle 10:00, Sala consiliare");
  });

  it("deletes the subscription when the push service says it is gone (410, 404)", async () => {
    for (const status of [410, 404] as const) {
      const subscription = await subscribed();
      push.failWith(subscription.endpoint, { status });
      const outcome = await sendPush(deps, subscription, reminder());
      expect(outcome).toEqual({ status: "gone", httpStatus: status, latencyMs: expect.any(Number) });
      expect(await s.c.pushSubscriptions.countDocuments({ _id: subscription._id })).toBe(0);
      const audit = await s.c.audit.findOne({
        action: "push_subscription.gone",
        entityId: subscription.personId,
      });
      expect([audit?.entity, audit?.actorId, audit?.actorName, audit?.after]).toEqual([
        "person",
        null,
        "Servizio push",
        null,
      ]);
      expect(audit?.before).toMatchObject({ subscriptionId: subscription._id, pushService: push.origin });
    }
  });

  it("gives up on a message too large for the push service (413), keeping the subscription", async () => {
    const subscription = await subscribed();
    push.failWith(subscription.endpoint, { status: 413 });
    expect(await sendPush(deps, subscription, reminder())).toEqual({
      status: "failed",
      httpStatus: 413,
      latencyMs: expect.any(Number),
    });
    expect(await s.c.pushSubscriptions.countDocuments({ _id: subscription._id })).toBe(1);
  });

  it("says when to retry after 429 and 5xx, with the push service's Retry-After", async () => {
    const cases = [
      [
        { status: 429, retryAfter: "120" },
        { httpStatus: 429, retryAfterMs: 120_000 },
      ],
      [{ status: 500 }, { httpStatus: 500 }],
      [
        { status: 503, retryAfter: new Date(Date.now() + 60_000).toUTCString() },
        { httpStatus: 503, retryAfterMs: expect.any(Number) },
      ],
    ] as const;
    for (const [failure, expected] of cases) {
      const subscription = await subscribed();
      push.failWith(subscription.endpoint, failure);
      const outcome = await sendPush(deps, subscription, reminder());
      expect(outcome).toEqual({ status: "retry", latencyMs: expect.any(Number), ...expected });
      if (failure.status === 503) expect(outcome.retryAfterMs).toBeGreaterThan(50_000);
      expect(await s.c.pushSubscriptions.countDocuments({ _id: subscription._id })).toBe(1);
    }
  });

  it("retries when the push service cannot be reached", async () => {
    const subscription = await subscribed();
    const closed = await freePort();
    const unreachable = { ...subscription, endpoint: `https://127.0.0.1:${closed}/push/x` };
    expect(await sendPush(deps, unreachable, reminder())).toEqual({
      status: "retry",
      latencyMs: expect.any(Number),
      reason: "ECONNREFUSED",
    });
  });

  it("is refused by the stand-in when signed with a key the browser did not subscribe with", async () => {
    const subscription = await subscribed();
    const stranger = { ...webpush.generateVAPIDKeys(), subject: "mailto:altro@example.it" };
    const outcome = await sendPush({ ...deps, vapid: stranger }, subscription, reminder());
    expect(outcome).toMatchObject({ status: "failed", httpStatus: 403 });
    expect((await arrivedAt(subscription.endpoint)).refusal).toBe(
      "k is not the key the browser subscribed with",
    );
  });
});

/** A loopback port nothing listens on. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
