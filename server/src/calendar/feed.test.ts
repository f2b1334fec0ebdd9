import { ObjectId } from "mongodb";
import nodeIcal from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { convene, meetingWorld } from "../meetings/test-fixtures.ts";

/** Fetches a subscription URL as a calendar application does: no login, no cookie. */
async function subscribe(url: string) {
  const response = await fetch(url);
  const text = await response.text();
  const events =
    response.status === 200
      ? (Object.values(nodeIcal.sync.parseICS(text)).filter((c) => c?.type === "VEVENT") as nodeIcal.VEvent[])
      : [];
  return { status: response.status, headers: response.headers, text, events };
}

describe("a person's calendar subscription", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  let openMeeting: { id: string; videoLink: { url: string } };
  let cancelledId: string;
  let foundersId: string;
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
    openMeeting = (await convene(s, w.coordinator.token, w.openTable)).body;
    cancelledId = (await convene(s, w.coordinator.token, w.openTable, { title: "Da annullare" })).body.id;
    await s.api("POST", `/api/v1/meetings/${cancelledId}/cancel`, { token: w.coordinator.token, body: {} });
    // A sitting of a table refA does not sit on: never in their feed.
    const founders = await convene(s, w.agreementAdmin.token, w.foundersTable, { title: "Cabina riservata" });
    expect(founders.status).toBe(201);
    foundersId = founders.body.id;
  });
  afterAll(() => s.close());

  const feedApi = (method: string, token?: string) =>
    s.api(method, "/api/v1/people/me/calendar-feed", { token });

  it("creates a URL that works without login: the person's sittings with links, cancelled ones marked, no confidential item", async () => {
    expect((await feedApi("GET", w.refA.token)).body).toEqual({ active: false, createdAt: null });
    const created = await feedApi("POST", w.refA.token);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      url: expect.stringMatching(/^http:\/\/localhost:3000\/api\/v1\/calendar\/feeds\/[\w-]{43}\.ics$/),
      createdAt: "2026-03-10T09:00:00.000Z",
    });
    const url = created.body.url.replace("http://localhost:3000", s.url);
    const feed = await subscribe(url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(feed.headers.get("cache-control")).toBe("private, max-age=300");
    expect(feed.text).toMatch(/^METHOD:PUBLISH\r$/m);
    expect(feed.text).toContain("TZID:Europe/Rome");
    const byUid = new Map(feed.events.map((e) => [e.uid, e]));
    expect([...byUid.keys()].sort()).toEqual([`${openMeeting.id}@tavoli`, `${cancelledId}@tavoli`].sort());
    expect(byUid.get(`${openMeeting.id}@tavoli`)?.location).toBe(openMeeting.videoLink.url);
    expect(byUid.get(`${cancelledId}@tavoli`)?.status).toBe("CANCELLED");
    expect(feed.text).not.toContain("CANARY");
    expect(feed.text).not.toContain(foundersId);
    expect((await subscribe(url.replace(/\.ics$/, ""))).events).toHaveLength(2);

    const status = await feedApi("GET", w.refA.token);
    expect(status.body).toEqual({ active: true, createdAt: "2026-03-10T09:00:00.000Z" });
    expect(JSON.stringify(status.body)).not.toContain("feeds/");
    const token = /feeds\/([\w-]+)\.ics$/.exec(created.body.url)?.[1] ?? "missing";
    expect(JSON.stringify(await s.c.calendarFeeds.find().toArray())).not.toContain(token);
    const audit = await s.c.audit.find({ entity: "person", action: "calendar_feed.created" }).toArray();
    expect(audit.map((a) => a.entityId.toHexString())).toEqual([w.refA.id]);
  });

  it("rotating revokes the old URL; revoking turns the new one off too", async () => {
    const first = (await feedApi("POST", w.refB.token)).body.url.replace("http://localhost:3000", s.url);
    s.clock.now = new Date("2026-03-10T10:00:00Z");
    const second = await feedApi("POST", w.refB.token);
    const secondUrl = second.body.url.replace("http://localhost:3000", s.url);
    const old = await subscribe(first);
    expect(old.status).toBe(404);
    expect(JSON.parse(old.text).error.code).toBe("not_found");
    expect((await subscribe(secondUrl)).status).toBe(200);
    const refB = new ObjectId(w.refB.id);
    expect(await s.c.calendarFeeds.countDocuments({ personId: refB, revokedAt: null })).toBe(1);
    expect((await feedApi("GET", w.refB.token)).body.createdAt).toBe("2026-03-10T10:00:00.000Z");

    const revoked = await feedApi("DELETE", w.refB.token);
    expect(revoked.status).toBe(204);
    expect((await subscribe(secondUrl)).status).toBe(404);
    expect((await feedApi("GET", w.refB.token)).body).toEqual({ active: false, createdAt: null });
    const actions = (await s.c.audit.find({ entityId: refB }).sort({ _id: 1 }).toArray())
      .map((a) => a.action)
      .filter((action) => action.startsWith("calendar_feed."));
    expect(actions).toEqual(["calendar_feed.created", "calendar_feed.created", "calendar_feed.revoked"]);
    // Revoking again changes nothing and writes nothing.
    expect((await feedApi("DELETE", w.refB.token)).status).toBe(204);
    expect(await s.c.audit.countDocuments({ action: "calendar_feed.revoked" })).toBe(1);
  });

  it("leaves exactly one live URL when rotations race", async () => {
    const person = await s.createPerson();
    const rotations = await Promise.all(Array.from({ length: 6 }, () => feedApi("POST", person.token)));
    expect(rotations.map((r) => r.status)).toEqual(rotations.map(() => 201));
    const live = await Promise.all(
      rotations.map((r) => subscribe(r.body.url.replace("http://localhost:3000", s.url))),
    );
    expect(live.filter((feed) => feed.status === 200)).toHaveLength(1);
    expect(await s.c.calendarFeeds.countDocuments({ personId: person.person._id, revokedAt: null })).toBe(1);
  });

  it("gives people not convened anywhere an empty calendar: no sitting, no confidential item", async () => {
    for (const person of [w.colleagueA, w.outsider, w.agreementAdmin]) {
      const url = (await feedApi("POST", person.token)).body.url.replace("http://localhost:3000", s.url);
      const feed = await subscribe(url);
      expect(feed.status).toBe(200);
      expect(feed.events).toHaveLength(0);
      expect(feed.text).not.toContain("CANARY");
    }
  });

  it("shows the coordinator their sittings, and drops those older than 90 days", async () => {
    const url = (await feedApi("POST", w.coordinator.token)).body.url.replace("http://localhost:3000", s.url);
    expect((await subscribe(url)).events).toHaveLength(2);
    s.clock.now = new Date("2026-07-01T09:00:00Z");
    try {
      expect((await subscribe(url)).events).toHaveLength(0);
    } finally {
      s.clock.now = new Date("2026-03-10T09:00:00Z");
    }
  });

  it("answers 404 for unknown tokens and for a person who erased their data; managing the feed needs a login", async () => {
    const unknown = await s.api("GET", "/api/v1/calendar/feeds/not-a-real-token.ics");
    expect([unknown.status, unknown.body.error.code]).toEqual([404, "not_found"]);
    const person = await s.createPerson({ name: "Persona che se ne va" });
    const url = (await feedApi("POST", person.token)).body.url.replace("http://localhost:3000", s.url);
    expect((await subscribe(url)).status).toBe(200);
    expect((await s.api("DELETE", "/api/v1/people/me", { token: person.token })).status).toBe(204);
    expect((await subscribe(url)).status).toBe(404);
    const count = await s.c.calendarFeeds.countDocuments();
    for (const method of ["GET", "POST", "DELETE"])
      expect((await feedApi(method)).body.error.code).toBe("unauthenticated");
    expect(await s.c.calendarFeeds.countDocuments()).toBe(count);
  });
});
