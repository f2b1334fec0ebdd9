import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { convene, meetingWorld } from "./test-fixtures.ts";

describe("convening a meeting", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
  });
  afterAll(() => s.close());

  it("convenes an online sitting: Rome times, a Jitsi room, and the event names everyone convened", async () => {
    const before = s.events.length;
    const res = await convene(s, w.coordinator.token, w.openTable);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: "Seduta ordinaria",
      startsAt: "2026-03-24T09:00:00.000Z",
      startsAtLocal: "2026-03-24T10:00:00+01:00",
      endsAtLocal: "2026-03-24T12:00:00+01:00",
      timeZone: "Europe/Rome",
      mode: "online",
      status: "convened",
      sequence: 0,
      viewer: { organiser: true },
    });
    expect(res.body.videoLink.url).toMatch(/^https:\/\/meet\.jit\.si\/Tavoli-[A-Za-z0-9]{20}$/);
    expect(res.body.checkInCode).toMatch(/^\d{6}$/);
    expect(res.body.agenda.map((i: { position: number }) => i.position)).toEqual([1, 2, 3]);
    const events = s.events.slice(before);
    expect(events.map((e) => e.type)).toEqual(["meeting.convened"]);
    expect(new Set(events[0]?.payload.convenedPersonIds as string[])).toEqual(
      new Set([w.coordinator.id, w.refA.id, w.refB.id]),
    );
  });

  it("shows the link and confidential items only to the people convened", async () => {
    const { body } = await convene(s, w.coordinator.token, w.openTable);
    const asRef = await s.api("GET", `/api/v1/meetings/${body.id}`, { token: w.refB.token });
    expect(asRef.body.videoLink.url).toBe(body.videoLink.url);
    expect(asRef.body.checkInCode).toBeNull();
    expect(asRef.body.agenda).toHaveLength(3);
    const asOutsider = await s.api("GET", `/api/v1/meetings/${body.id}`, { token: w.outsider.token });
    expect(asOutsider.status).toBe(200);
    expect(asOutsider.body).toMatchObject({ videoLink: null, videoLinkHidden: true, hiddenAgendaItems: 1 });
    expect(JSON.stringify(asOutsider.body)).not.toContain("CANARY");
    expect(JSON.stringify(asOutsider.body)).not.toContain("meet.jit.si");
  });

  it("takes a pasted Teams link and refuses links that are not https or not a known service", async () => {
    const teams = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc";
    const ok = await convene(s, w.coordinator.token, w.openTable, { videoLink: { url: teams } });
    expect(ok.body.videoLink).toEqual({ url: teams, provider: "teams", generated: false });
    const count = await s.c.meetings.countDocuments();
    const cases: [Record<string, unknown>, string][] = [
      [{ videoLink: { url: "http://meet.google.com/abc-defg-hij" } }, "video_link_not_https"],
      [{ videoLink: { url: "https://example.com/call" } }, "video_link_unrecognised"],
      [{ videoLink: null }, "video_link_required"],
      [{ mode: "ibrida", place: null }, "place_required"],
      [{ startsAt: "2026-03-24T12:00", endsAt: "2026-03-24T10:00" }, "date_order"],
      [{ startsAt: "2026-03-01T10:00", endsAt: "2026-03-01T12:00" }, "meeting_in_past"],
      [{ startsAt: "2026-03-24", endsAt: "2026-03-25" }, "validation_failed"],
      [{ rsvpDeadline: "2026-03-25T10:00" }, "rsvp_deadline_after_start"],
    ];
    for (const [overrides, code] of cases) {
      const res = await convene(s, w.coordinator.token, w.openTable, overrides);
      expect([res.status, res.body.error.code], JSON.stringify(overrides)).toEqual([400, code]);
    }
    expect((await convene(s, w.refA.token, w.openTable)).body.error.code).toBe("forbidden");
    expect(await s.c.meetings.countDocuments()).toBe(count);
  });

  it("refuses 02:30 on the last Sunday of March, which does not exist in Italy, and gets 03:30 right", async () => {
    const gap = await convene(s, w.coordinator.token, w.openTable, {
      startsAt: "2026-03-29T02:30",
      endsAt: "2026-03-29T04:00",
    });
    expect([gap.status, gap.body.error.code]).toEqual([400, "nonexistent_local_time"]);
    expect(gap.body.error.details.suggestion).toBe("2026-03-29T03:30");
    expect(gap.body.error.message).toContain("ora legale");
    const night = await convene(s, w.coordinator.token, w.openTable, {
      startsAt: "2026-03-29T01:30",
      endsAt: "2026-03-29T03:30",
    });
    // 01:30 CET to 03:30 CEST is one hour, not two.
    expect(night.body).toMatchObject({
      startsAt: "2026-03-29T00:30:00.000Z",
      endsAt: "2026-03-29T01:30:00.000Z",
      startsAtLocal: "2026-03-29T01:30:00+01:00",
      endsAtLocal: "2026-03-29T03:30:00+02:00",
    });
  });

  it("creates concrete sittings from a recurrence rule, at the same Italian time across summer time", async () => {
    const res = await s.api("POST", `/api/v1/tables/${w.openTable}/meeting-series`, {
      token: w.coordinator.token,
      body: {
        title: "Tavolo mensile",
        startsAt: "2026-04-07T10:00",
        endsAt: "2026-04-07T11:30",
        mode: "in_presenza",
        place: { address: "Piazza Municipio 1, Caltagirone", room: "Sala giunta" },
        rrule: "FREQ=MONTHLY;BYDAY=1TU;COUNT=4",
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.items.map((m: { startsAtLocal: string }) => m.startsAtLocal)).toEqual([
      "2026-04-07T10:00:00+02:00",
      "2026-05-05T10:00:00+02:00",
      "2026-06-02T10:00:00+02:00",
      "2026-07-07T10:00:00+02:00",
    ]);
    expect(new Set(res.body.items.map((m: { seriesId: string }) => m.seriesId)).size).toBe(1);
    const open = await s.api("POST", `/api/v1/tables/${w.openTable}/meeting-series`, {
      token: w.coordinator.token,
      body: { ...res.body.items[0], rrule: "FREQ=WEEKLY" },
    });
    expect(open.status).toBe(400);
  });

  it("reschedules with SEQUENCE up and tells everyone; a cancelled sitting keeps its history and cannot move", async () => {
    const { body } = await convene(s, w.coordinator.token, w.openTable);
    const before = s.events.length;
    const moved = await s.api("POST", `/api/v1/meetings/${body.id}/reschedule`, {
      token: w.coordinator.token,
      body: { startsAt: "2026-03-26T15:00", endsAt: "2026-03-26T17:00", reason: "Sala non disponibile" },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ sequence: 1, startsAtLocal: "2026-03-26T15:00:00+01:00" });
    expect(moved.body.videoLink.url).toBe(body.videoLink.url);
    const [event] = s.events.slice(before);
    expect(event?.type).toBe("meeting.rescheduled");
    expect(event?.payload).toMatchObject({
      sequence: 1,
      reason: "Sala non disponibile",
      changes: {
        startsAt: { from: "2026-03-24T09:00:00.000Z", to: "2026-03-26T14:00:00.000Z" },
        endsAt: { from: "2026-03-24T11:00:00.000Z", to: "2026-03-26T16:00:00.000Z" },
      },
    });
    expect(event?.payload.convenedPersonIds).toHaveLength(3);
    expect(JSON.stringify(event?.payload)).not.toContain("CANARY");
    const cancelled = await s.api("POST", `/api/v1/meetings/${body.id}/cancel`, {
      token: w.coordinator.token,
      body: { reason: "Rinvio a data da destinarsi" },
    });
    expect(cancelled.body).toMatchObject({ status: "cancelled", sequence: 2 });
    expect(cancelled.body.cancellation.reason).toBe("Rinvio a data da destinarsi");
    expect(s.events.at(-1)?.type).toBe("meeting.cancelled");
    const again = await s.api("POST", `/api/v1/meetings/${body.id}/reschedule`, {
      token: w.coordinator.token,
      body: { startsAt: "2026-03-27T15:00", endsAt: "2026-03-27T17:00" },
    });
    expect([again.status, again.body.error.code]).toEqual([409, "meeting_cancelled"]);
    const audit = await s.c.audit
      .find({ entityId: new ObjectId(body.id) })
      .sort({ _id: 1 })
      .toArray();
    expect(audit.map((a) => [a.action, a.actorId?.toHexString()])).toEqual([
      ["meeting.convened", w.coordinator.id],
      ["meeting.rescheduled", w.coordinator.id],
      ["meeting.cancelled", w.coordinator.id],
    ]);
  });

  it("does not convene a withdrawn organisation's referent once the notice has ended", async () => {
    const membership = await s.c.memberships.findOne({ organisationId: new ObjectId(w.orgB) });
    await s.c.memberships.updateOne(
      { _id: membership?._id },
      { $set: { withdrawal: { noticeGivenOn: "2026-02-01", effectiveOn: "2026-04-01", reason: null } } },
    );
    const beforeEnd = await convene(s, w.coordinator.token, w.openTable, {
      startsAt: "2026-03-31T10:00",
      endsAt: "2026-03-31T11:00",
    });
    const afterEnd = await convene(s, w.coordinator.token, w.openTable, {
      startsAt: "2026-04-01T10:00",
      endsAt: "2026-04-01T11:00",
    });
    const convened = (id: string) =>
      s.events.find((e) => e.type === "meeting.convened" && e.payload.meetingId === id)?.payload
        .convenedPersonIds as string[];
    expect(convened(beforeEnd.body.id)).toContain(w.refB.id);
    expect(convened(afterEnd.body.id)).not.toContain(w.refB.id);
    expect(convened(afterEnd.body.id)).toContain(w.refA.id);
    const asB = await s.api("GET", `/api/v1/meetings/${afterEnd.body.id}`, { token: w.refB.token });
    expect(asB.body.viewer.convened).toBe(false);
    const mine = await s.api("GET", "/api/v1/people/me/meetings?limit=200", { token: w.refB.token });
    const ids = mine.body.items.map((m: { id: string }) => m.id);
    expect(ids).toContain(beforeEnd.body.id);
    expect(ids).not.toContain(afterEnd.body.id);
    await s.c.memberships.updateOne({ _id: membership?._id }, { $set: { withdrawal: null } });
  });
});
