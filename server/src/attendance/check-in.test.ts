import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { meetingWorld } from "../meetings/test-fixtures.ts";
import { CHECK_IN_LIMITS } from "./check-in.ts";
import { AT, DURING, record, sitting, snapshot, wrongCode } from "./test-fixtures.ts";

describe("self check-in with the code shown in the room", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  const checkIn = (id: string, token: string, code: string, mode = "presenza", lang?: string) =>
    s.api("POST", `/api/v1/meetings/${id}/check-in`, { token, body: { code, mode }, lang });
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
  });
  afterAll(() => s.close());

  it("checks a referent in with the right code; checking in again keeps one row", async () => {
    const m = await sitting(s, w);
    const before = s.events.length;
    const first = await checkIn(m.id, w.refA.token, m.code, "remoto");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      personId: w.refA.id,
      organisationId: w.orgA,
      mode: "remoto",
      source: "check_in",
      arrivedLate: false,
    });
    const again = await checkIn(m.id, w.refA.token, m.code, "presenza");
    expect(again.body.mode).toBe("presenza");
    expect(await s.c.attendance.countDocuments({ meetingId: new ObjectId(m.id) })).toBe(1);
    expect(s.events.slice(before).map((e) => e.type)).toEqual(Array(2).fill("attendance.checked_in"));
    expect(s.events[before]?.payload).toMatchObject({ meetingId: m.id, personId: w.refA.id, mode: "remoto" });
    const quorum = await s.api("GET", `/api/v1/meetings/${m.id}/attendance`, { token: w.refA.token });
    expect(quorum.body.quorum).toMatchObject({ representedOrganisations: 1, reached: false });
  });

  it("keeps the late arrival a coordinator marked when the referent then checks in", async () => {
    const m = await sitting(s, w);
    await record(s, w.coordinator.token, m.id, w.refB.id, { mode: "presenza", arrivedLate: true });
    const res = await checkIn(m.id, w.refB.token, m.code, "remoto");
    expect(res.body).toMatchObject({ mode: "remoto", arrivedLate: true, source: "check_in" });
  });

  it("marks a check-in more than a quarter of an hour after the start as a late arrival", async () => {
    const m = await sitting(s, w);
    s.clock.now = new Date("2026-03-24T09:16:00Z");
    const late = await checkIn(m.id, w.refB.token, m.code);
    expect(late.body).toMatchObject({ arrivedLate: true, leftEarly: false });
    s.clock.now = DURING;
  });

  it("refuses a wrong code with 400, in Italian or English, and writes nothing", async () => {
    const m = await sitting(s, w);
    const rows = await snapshot(s);
    const before = s.events.length;
    const wrong = await checkIn(m.id, w.refA.token, wrongCode(m.code));
    expect([wrong.status, wrong.body.error.code]).toEqual([400, "check_in_code_invalid"]);
    expect(wrong.body.error.message).toBe("Codice di registrazione errato.");
    const en = await checkIn(m.id, w.refA.token, wrongCode(m.code), "presenza", "en");
    expect(en.body.error.message).toBe("Wrong check-in code.");
    const short = await checkIn(m.id, w.refA.token, m.code.slice(1));
    expect([short.status, short.body.error.code]).toEqual([400, "validation_failed"]);
    expect(await snapshot(s)).toEqual(rows);
    expect(s.events.length).toBe(before);
  });

  it("is open from 30 minutes before the start until the end, not before nor after", async () => {
    const m = await sitting(s, w);
    const rows = await snapshot(s);
    for (const at of [AT.tooEarly, AT.afterEnd, AT.nextDay]) {
      s.clock.now = at;
      const res = await checkIn(m.id, w.refA.token, m.code);
      expect([res.status, res.body.error.code], at.toISOString()).toEqual([409, "check_in_closed"]);
    }
    expect(await snapshot(s)).toEqual(rows);
    s.clock.now = AT.opens;
    expect((await checkIn(m.id, w.refA.token, m.code)).status).toBe(200);
    s.clock.now = AT.ends;
    expect((await checkIn(m.id, w.refB.token, m.code)).status).toBe(200);
  });

  it("refuses people not convened, and cancelled sittings", async () => {
    const m = await sitting(s, w);
    const rows = await snapshot(s);
    for (const person of [w.outsider, w.colleagueA, w.agreementAdmin]) {
      const res = await checkIn(m.id, person.token, m.code);
      expect([res.status, res.body.error.code]).toEqual([403, "not_convened"]);
    }
    await s.api("POST", `/api/v1/meetings/${m.id}/cancel`, { token: w.coordinator.token, body: {} });
    const cancelled = await checkIn(m.id, w.refA.token, m.code);
    expect([cancelled.status, cancelled.body.error.code]).toEqual([409, "meeting_cancelled"]);
    expect(await snapshot(s)).toEqual(rows);
  });

  it("locks a person out after 5 wrong codes, even with the right one, until the window passes", async () => {
    const m = await sitting(s, w);
    const rows = await snapshot(s);
    for (let n = 0; n < CHECK_IN_LIMITS.limit; n++)
      expect((await checkIn(m.id, w.refB.token, wrongCode(m.code))).status).toBe(400);
    for (const code of [wrongCode(m.code), m.code]) {
      const res = await checkIn(m.id, w.refB.token, code);
      expect([res.status, res.body.error.code]).toEqual([429, "rate_limited"]);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(await snapshot(s)).toEqual(rows);
    // Per person and sitting: refA is not locked out by refB's guesses.
    expect((await checkIn(m.id, w.refA.token, m.code)).status).toBe(200);
    s.clock.now = new Date(DURING.getTime() + CHECK_IN_LIMITS.windowMs);
    expect((await checkIn(m.id, w.refB.token, m.code)).status).toBe(200);
  });

  it("holds under a burst of concurrent guesses: at most 5 are even compared", async () => {
    const m = await sitting(s, w);
    const statuses = await Promise.all(
      Array.from({ length: 12 }, () => checkIn(m.id, w.refA.token, wrongCode(m.code)).then((r) => r.status)),
    );
    expect(statuses.filter((status) => status === 400)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
  });

  it("never lets a check-in slip in after the register closed: the stored count matches the rows", async () => {
    const m = await sitting(s, w);
    const [a, b, closed] = await Promise.all([
      checkIn(m.id, w.refA.token, m.code),
      checkIn(m.id, w.refB.token, m.code),
      s.api("POST", `/api/v1/meetings/${m.id}/register/close`, { token: w.coordinator.token }),
    ]);
    expect(closed.status).toBe(200);
    for (const res of [a, b]) expect([200, 409]).toContain(res.status);
    const rows = await s.c.attendance.countDocuments({ meetingId: new ObjectId(m.id) });
    const meeting = await s.c.meetings.findOne({ _id: new ObjectId(m.id) });
    expect(meeting?.register?.attendees).toBe(rows);
    expect(meeting?.register?.quorum.representedOrganisations).toBe(rows);
  });
});
