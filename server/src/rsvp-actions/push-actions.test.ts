import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakePush, startFakePush } from "../../../test/support/fake-push.ts";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { convene, meetingWorld } from "../meetings/test-fixtures.ts";

// meetingBody's sitting: 24 March 2026 10:00 Rome = 09:00Z; the world's clock starts on 10 March 09:00Z.
const START = new Date("2026-03-24T09:00:00Z");
const HOUR = 3600_000;

describe("answering from a push notification's buttons", () => {
  let s: TestServer;
  let push: FakePush;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  let browser: ReturnType<FakePush["subscribe"]>;
  beforeAll(async () => {
    push = await startFakePush();
    s = await startTestServer({ pushAgent: push.agent });
    w = await meetingWorld(s);
    browser = push.subscribe((await s.api("GET", "/api/v1/push/vapid-public-key")).body.publicKey);
    await s.api("POST", "/api/v1/people/me/push-subscriptions", { token: w.refA.token, body: browser });
    await s.api("PUT", "/api/v1/people/me/reminder-preferences", {
      token: w.refA.token,
      body: { channels: { push: true, email: false, slack: false }, leadMinutes: [60] },
    });
  });
  afterAll(async () => {
    await s.close();
    await push.close();
  });

  const received = () =>
    push.received
      .filter((p) => p.endpoint === browser.endpoint)
      .map((p) => JSON.parse(p.plaintext ?? "{}") as { meetingId: string; title: string; actions?: any[] });
  const post = (token: unknown, headers: Record<string, string> = {}) =>
    s.api("POST", "/api/v1/rsvp-actions", { body: { token }, headers });

  /** A sitting at `start`, with its reminders sent up to an hour before it. */
  async function remindedOf(overrides: Record<string, unknown> = {}) {
    s.clock.now = new Date("2026-03-10T09:00:00Z");
    const res = await convene(s, w.coordinator.token, w.openTable, overrides);
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    await s.drain();
    s.clock.now = new Date(START.getTime() - HOUR);
    await s.drain();
    return { id, pushes: received().filter((p) => p.meetingId === id) };
  }

  it("brings Partecipo and Da remoto, and posting one records the answer once, as the person's own", async () => {
    const { id, pushes } = await remindedOf();
    const withActions = pushes.filter((p) => p.actions);
    expect(withActions.length).toBeGreaterThan(0);
    const actions = withActions[0]?.actions ?? [];
    expect(actions.map((a) => [a.action, a.title])).toEqual([
      ["presenza", "Partecipo"],
      ["remoto", "Da remoto"],
    ]);
    expect(pushes.some((p) => JSON.stringify(p).includes("CANARY"))).toBe(false);
    const remote = actions.find((a) => a.action === "remoto")?.token;
    // No login and no CSRF token: the service worker may hold the site's cookie, or none.
    const answered = await post(remote);
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({
      meetingId: id,
      personId: w.refA.id,
      answer: "remoto",
      answeredBy: w.refA.id,
    });
    const again = await post(remote);
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(answered.body);
    const audit = await s.c.audit.find({ action: "rsvp.answered", "payload.meetingId": id }).toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: new ObjectId(w.refA.id), after: { via: "push_action" } });
    // The other button still answers: a change of mind from the same notification.
    const present = await post(actions.find((a) => a.action === "presenza")?.token);
    expect(present.body.answer).toBe("presenza");
  });

  it("refuses a forged token (401), an expired one (410), and lets the RSVP rules refuse the rest", async () => {
    const { id, pushes } = await remindedOf();
    const token = pushes.find((p) => p.actions)?.actions?.[0].token as string;
    const forged = `${token.slice(0, 10)}${token[10] === "A" ? "B" : "A"}${token.slice(11)}`;
    for (const bad of [forged, "x", 42]) {
      const res = await post(bad);
      expect([400, 401]).toContain(res.status);
    }
    const forgedRes = await post(forged);
    expect(forgedRes.body.error).toMatchObject({ code: "invalid_action_token", message: /non è valido/ });
    const cancelled = await s.api("POST", `/api/v1/meetings/${id}/cancel`, {
      token: w.coordinator.token,
      body: { reason: "Sala non disponibile" },
    });
    expect(cancelled.status).toBe(200);
    expect((await post(token)).body.error.code).toBe("meeting_cancelled");
    s.clock.now = new Date(START.getTime() + 1000);
    const late = await post(token, { "accept-language": "en" });
    expect(late.status).toBe(410);
    expect(late.body.error).toMatchObject({ code: "action_token_expired", message: /expired/ });
    expect(await s.c.rsvps.countDocuments({ meetingId: new ObjectId(id) })).toBe(0);
  });

  it("offers no buttons once the deadline has passed, nor on a cancellation notice", async () => {
    const { pushes } = await remindedOf({ rsvpDeadline: "2026-03-20T12:00" });
    expect(pushes.length).toBeGreaterThan(0);
    expect(pushes.filter((p) => p.title.startsWith("Promemoria")).every((p) => !p.actions)).toBe(true);
    s.clock.now = new Date("2026-03-10T09:00:00Z");
    const id = (await convene(s, w.coordinator.token, w.openTable)).body.id as string;
    await s.drain();
    await s.api("POST", `/api/v1/meetings/${id}/cancel`, {
      token: w.coordinator.token,
      body: { reason: "Rinvio" },
    });
    await s.drain();
    const notices = received().filter((p) => p.meetingId === id);
    expect(notices.map((p) => p.title)).toEqual(["Annullata: Seduta ordinaria"]);
    expect(notices[0]?.actions).toBeUndefined();
  });

  it("takes 30 posts per client IP in 15 minutes, as login links do", async () => {
    s.clock.now = new Date("2026-04-01T08:00:00Z");
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await post("non-valido")).status);
    expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true);
    const limited = await post("non-valido");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
