import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { convene, meetingWorld } from "./test-fixtures.ts";

/** Finding 11 (c, d): the nights clocks change never move a sitting silently nor change its length. */
describe("sittings on the nights clocks change in Italy", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
  });
  afterAll(() => s.close());

  it("refuses a weekly series whose 02:30 falls on the last Sunday of March, listing the dates, and writes nothing", async () => {
    const before = await s.c.meetings.countDocuments();
    const res = await s.api("POST", `/api/v1/tables/${w.openTable}/meeting-series`, {
      token: w.coordinator.token,
      body: {
        title: "Manutenzione notturna",
        startsAt: "2026-03-22T02:30",
        endsAt: "2026-03-22T03:00",
        mode: "online",
        videoLink: { generate: true },
        rrule: "FREQ=WEEKLY;COUNT=3",
      },
    });
    expect([res.status, res.body.error?.code]).toEqual([400, "nonexistent_local_time"]);
    expect(res.body.error.details.dates).toEqual(["2026-03-29T02:30"]);
    expect(res.body.error.message).toContain("ora legale");
    expect(await s.c.meetings.countDocuments()).toBe(before);
  });

  it("an ambiguous 02:30 on the last Sunday of October lasts the hour asked, not two", async () => {
    const res = await convene(s, w.coordinator.token, w.openTable, {
      startsAt: "2026-10-25T02:30",
      endsAt: "2026-10-25T03:30",
    });
    expect(res.status).toBe(201);
    const minutes = (Date.parse(res.body.endsAt) - Date.parse(res.body.startsAt)) / 60_000;
    expect(minutes).toBe(60);
    expect(res.body.startsAtLocal).toBe("2026-10-25T02:30:00+02:00");
    const plain = await convene(s, w.coordinator.token, w.openTable, {
      startsAt: "2026-10-25T01:30",
      endsAt: "2026-10-25T03:30",
    });
    // Unambiguous times are read as the clock shows them: 01:30 CEST to 03:30 CET is three hours.
    expect((Date.parse(plain.body.endsAt) - Date.parse(plain.body.startsAt)) / 60_000).toBe(180);
  });
});
