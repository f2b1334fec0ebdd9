import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../../test/support/server.ts";
import { startTestServer } from "../../../test/support/server.ts";
import { issueLoginLink } from "../auth/login-links.ts";
import { contributionBody } from "../contributions/test-fixtures.ts";
import { reportBody } from "../issue-reports/test-fixtures.ts";
import { convene, meetingWorld } from "../meetings/test-fixtures.ts";
import { createCtx } from "../shared/context.ts";
import { respondOnce } from "./run-once.ts";

describe("Idempotency-Key on writes", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
  });
  afterAll(() => s.close());

  let n = 0;
  const newKey = () => `chiave-${Date.now()}-${++n}`;
  const contribute = (token: string, key: string, body = contributionBody(w.orgA)) =>
    s.api("POST", `/api/v1/tables/${w.openTable}/contributions`, {
      token,
      body,
      headers: { "idempotency-key": key },
    });
  const contributionsKeyed = (key: string) =>
    s.c.contributions.countDocuments({ idempotencyKey: { $regex: `:${key}$` } });
  const auditOf = (id: string) => s.c.audit.countDocuments({ entityId: new ObjectId(id) });

  it("answers a repeat with the first answer, marked as replayed, and writes once", async () => {
    const key = newKey();
    const first = await contribute(w.refA.token, key);
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const again = await contribute(w.refA.token, key);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("content-type")).toMatch(/^application\/json/);
    expect(again.body).toEqual(first.body);
    expect(await contributionsKeyed(key)).toBe(1);
    expect(await auditOf(first.body.id)).toBe(1);
  });

  it("lets one of two simultaneous requests with one key write, the other waits or replays", async () => {
    const key = newKey();
    const answers = await Promise.all([contribute(w.refA.token, key), contribute(w.refA.token, key)]);
    const statuses = answers.map((a) => a.status).sort();
    expect([
      [201, 201],
      [201, 409],
    ]).toContainEqual(statuses);
    const waiting = answers.find((a) => a.status === 409);
    if (waiting) {
      expect(waiting.body.error.code).toBe("idempotency_key_in_progress");
      expect(waiting.headers.get("retry-after")).toBe("1");
    }
    expect(await contributionsKeyed(key)).toBe(1);
  });

  it("refuses the same key with another body (422) and a malformed key (400), in Italian or English", async () => {
    const key = newKey();
    expect((await contribute(w.refA.token, key)).status).toBe(201);
    const other = await contribute(w.refA.token, key, contributionBody(w.orgA, { title: "Altro titolo" }));
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe("idempotency_key_reused");
    expect(other.body.error.message).toMatch(/già stata usata/);
    for (const bad of ["con spazio", "x".repeat(256), "àccento"]) {
      const res = await s.api("POST", `/api/v1/tables/${w.openTable}/contributions`, {
        token: w.refA.token,
        lang: "en",
        body: contributionBody(w.orgA),
        headers: { "idempotency-key": bad },
      });
      expect(res.status, bad).toBe(400);
      expect(res.body.error).toMatchObject({ code: "invalid_idempotency_key", message: /visible ASCII/ });
    }
    expect(await contributionsKeyed(key)).toBe(1);
  });

  it("keys per person: another person's same key is their own", async () => {
    const key = newKey();
    const mine = await contribute(w.refA.token, key);
    const theirs = await contribute(w.refB.token, key, contributionBody(w.orgB));
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.headers.get("idempotent-replayed")).toBeNull();
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it("is the same key for the same person whether sent with the session cookie (and CSRF) or a token", async () => {
    const ctx = createCtx({ db: s.db, bus: s.bus, now: () => new Date(s.clock.now) });
    const link = await issueLoginLink({
      ctx,
      input: { personId: new ObjectId(w.refA.id), publicUrl: s.url },
    });
    const login = await s.api("POST", "/api/v1/auth/sessions", {
      body: { token: new URL(link).searchParams.get("token") },
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const key = newKey();
    const viaCookie = await s.api("POST", `/api/v1/tables/${w.openTable}/contributions`, {
      body: contributionBody(w.orgA),
      headers: { cookie, "x-csrf-token": login.body.csrfToken, "idempotency-key": key },
    });
    expect(viaCookie.status).toBe(201);
    const viaToken = await contribute(w.refA.token, key);
    expect(viaToken.headers.get("idempotent-replayed")).toBe("true");
    expect(viaToken.body).toEqual(viaCookie.body);
    // Without the CSRF header the cookie write is refused before any key is claimed.
    const forged = await s.api("POST", `/api/v1/tables/${w.openTable}/contributions`, {
      body: contributionBody(w.orgA),
      headers: { cookie, "idempotency-key": newKey() },
    });
    expect(forged.body.error.code).toBe("csrf_failed");
  });

  it("stores refusals too (a 4xx is an answer), and a PUT of an RSVP answers alike", async () => {
    const meetingId = (await convene(s, w.coordinator.token, w.openTable)).body.id as string;
    const key = newKey();
    const put = (answer: string) =>
      s.api("PUT", `/api/v1/meetings/${meetingId}/rsvps/me`, {
        token: w.refA.token,
        body: { answer },
        headers: { "idempotency-key": key },
      });
    const first = await put("presenza");
    const again = await put("presenza");
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual(first.body);
    expect(await s.c.audit.countDocuments({ action: "rsvp.answered", "payload.meetingId": meetingId })).toBe(
      1,
    );
    const refusedKey = newKey();
    const bad = () =>
      s.api("POST", `/api/v1/tables/${w.openTable}/issue-reports`, {
        token: w.refA.token,
        body: reportBody(w.orgB),
        headers: { "idempotency-key": refusedKey },
      });
    const refused = await bad();
    expect(refused.status).toBe(403);
    expect((await bad()).headers.get("idempotent-replayed")).toBe("true");
  });

  it("forgets a key after 24 hours: the request then runs again", async () => {
    const meetingId = (await convene(s, w.coordinator.token, w.openTable)).body.id as string;
    const key = newKey();
    const put = () =>
      s.api("PUT", `/api/v1/meetings/${meetingId}/rsvps/me`, {
        token: w.refB.token,
        body: { answer: "remoto" },
        headers: { "idempotency-key": key },
      });
    const answered = () =>
      s.c.audit.countDocuments({ action: "rsvp.answered", "payload.meetingId": meetingId });
    await put();
    const start = s.clock.now;
    try {
      s.clock.now = new Date(start.getTime() + 23 * 3600_000);
      expect((await put()).headers.get("idempotent-replayed")).toBe("true");
      s.clock.now = new Date(start.getTime() + 24 * 3600_000 + 1);
      expect((await put()).headers.get("idempotent-replayed")).toBeNull();
      expect(await answered()).toBe(2);
      expect(await s.c.idempotencyRecords.countDocuments({ key })).toBe(1);
    } finally {
      s.clock.now = start;
    }
  });

  it("does not store a 5xx: the key is released and a retry runs again", async () => {
    const ctx = createCtx({ db: s.db, bus: s.bus, now: () => new Date(s.clock.now) });
    const request = { personId: new ObjectId(w.refA.id), key: newKey(), fingerprint: "f" };
    let runs = 0;
    const failing = await respondOnce(ctx, request, async () => {
      runs += 1;
      return new Response("{}", { status: 503 });
    });
    expect(failing.status).toBe(503);
    expect(await s.c.idempotencyRecords.countDocuments({ key: request.key })).toBe(0);
    const retried = await respondOnce(ctx, request, async () => {
      runs += 1;
      return Response.json({ ok: true }, { status: 201 });
    });
    const replayed = await respondOnce(ctx, request, async () => {
      runs += 1;
      return new Response(null, { status: 500 });
    });
    expect([retried.status, replayed.status, runs]).toEqual([201, 201, 2]);
    expect(await replayed.json()).toEqual({ ok: true });
  });

  it("after a crash between the write and its stored answer, the repeat finds the document, never a second", async () => {
    for (const [path, body, collection] of [
      [`/tables/${w.openTable}/contributions`, contributionBody(w.orgA), s.c.contributions],
      [`/tables/${w.openTable}/issue-reports`, reportBody(w.orgA), s.c.issueReports],
    ] as const) {
      const key = newKey();
      const post = () =>
        s.api("POST", `/api/v1${path}`, { token: w.refA.token, body, headers: { "idempotency-key": key } });
      const first = await post();
      expect(first.status).toBe(201);
      // What a crash leaves: the document (and here not even its audit entry), a running claim whose
      // instance is gone (lease over), no stored answer.
      await s.c.audit.deleteMany({ entityId: new ObjectId(first.body.id) });
      await s.c.idempotencyRecords.updateOne(
        { key },
        { $set: { state: "running", response: null, leaseUntil: new Date(s.clock.now.getTime() - 1) } },
      );
      const repeat = await post();
      expect(repeat.status).toBe(201);
      expect(repeat.headers.get("idempotent-replayed")).toBeNull();
      expect(repeat.body.id).toBe(first.body.id);
      expect(
        await (collection as typeof s.c.contributions).countDocuments({
          idempotencyKey: `${w.refA.id}:${key}`,
        }),
      ).toBe(1);
      // The repeat completed the change: its audit entry and event are there, once.
      expect(await auditOf(first.body.id)).toBe(1);
      expect((await post()).headers.get("idempotent-replayed")).toBe("true");
    }
  });

  it("leaves writes without the header alone", async () => {
    const body = contributionBody(w.orgA);
    const one = await s.api("POST", `/api/v1/tables/${w.openTable}/contributions`, {
      token: w.refA.token,
      body,
    });
    const two = await s.api("POST", `/api/v1/tables/${w.openTable}/contributions`, {
      token: w.refA.token,
      body,
    });
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(two.body.id).not.toBe(one.body.id);
  });

  it("forgets a person's keys when they erase their data", async () => {
    const person = await s.createPerson();
    const keyed = await s.api("PUT", "/api/v1/people/me/reminder-preferences", {
      token: person.token,
      body: { leadMinutes: [60] },
      headers: { "idempotency-key": newKey() },
    });
    expect(keyed.status).toBe(200);
    const mine = { personId: new ObjectId(person.id) };
    expect(await s.c.idempotencyRecords.countDocuments(mine)).toBe(1);
    expect((await s.api("DELETE", "/api/v1/people/me", { token: person.token })).status).toBeLessThan(300);
    expect(await s.c.idempotencyRecords.countDocuments(mine)).toBe(0);
  });
});

describe("the OpenAPI document", () => {
  it("declares Idempotency-Key on authenticated writes, with its 409 and 422, and not on logins or reads", async () => {
    const s = await startTestServer();
    try {
      const doc = (await s.api("GET", "/api/v1/openapi.json")).body;
      const ref = { $ref: "#/components/parameters/IdempotencyKey" };
      const contribute = doc.paths["/tables/{id}/contributions"];
      expect(contribute.post.parameters).toContainEqual(ref);
      expect(Object.keys(contribute.post.responses)).toEqual(expect.arrayContaining(["201", "409", "422"]));
      expect(contribute.get.parameters ?? []).not.toContainEqual(ref);
      expect(doc.paths["/auth/sessions"].post.parameters ?? []).not.toContainEqual(ref);
      expect(doc.paths["/rsvp-actions"].post.parameters ?? []).not.toContainEqual(ref);
      expect(doc.components.parameters.IdempotencyKey).toMatchObject({
        name: "Idempotency-Key",
        in: "header",
      });
    } finally {
      await s.close();
    }
  });
});
