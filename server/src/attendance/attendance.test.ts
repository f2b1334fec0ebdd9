import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { meetingWorld } from "../meetings/test-fixtures.ts";
import { AT, DURING, record, sitting, snapshot } from "./test-fixtures.ts";

describe("attendance register kept by the coordinator", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  const register = (id: string, token = w.coordinator.token) =>
    s.api("GET", `/api/v1/meetings/${id}/attendance`, { token });
  const close = (id: string, token = w.coordinator.token) =>
    s.api("POST", `/api/v1/meetings/${id}/register/close`, { token });
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
  });
  afterAll(() => s.close());

  it("records refA in person arriving late and refB remotely: a majority of the 2 members is reached", async () => {
    const m = await sitting(s, w);
    const before = s.events.length;
    const a = await record(s, w.coordinator.token, m.id, w.refA.id, { mode: "presenza", arrivedLate: true });
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({
      personId: w.refA.id,
      name: "Anna Referente A",
      organisationId: w.orgA,
      organisationName: "Comune di Caltagirone",
      mode: "presenza",
      arrivedLate: true,
      leftEarly: false,
      source: "coordinator",
      recordedAt: DURING.toISOString(),
    });
    const onlyA = await register(m.id);
    expect(onlyA.body.quorum).toEqual({
      rule: { kind: "majority" },
      memberOrganisations: 2,
      representedOrganisations: 1,
      required: 2,
      reached: false,
    });
    await record(s, w.coordinator.token, m.id, w.refB.id, { mode: "remoto" });
    // The coordinator sits for no organisation: listed, but no help to the quorum.
    await record(s, w.coordinator.token, m.id, w.coordinator.id);
    const both = await register(m.id, w.refB.token);
    expect(both.status).toBe(200);
    expect(both.body.quorum).toMatchObject({ representedOrganisations: 2, required: 2, reached: true });
    expect(both.body.register).toBeNull();
    expect(both.body.items.map((i: { name: string; mode: string }) => [i.name, i.mode])).toEqual([
      ["Anna Referente A", "presenza"],
      ["Bruno Referente B", "remoto"],
      ["Carla Coordinatrice", "presenza"],
    ]);
    const events = s.events.slice(before);
    expect(events.map((e) => e.type)).toEqual(Array(3).fill("attendance.recorded"));
    expect(events[1]?.payload).toMatchObject({ meetingId: m.id, personId: w.refB.id, mode: "remoto" });
    const audit = await s.c.audit.findOne({
      action: "attendance.recorded",
      "after.personId": new ObjectId(w.refB.id),
    });
    expect(audit?.actorId?.toHexString()).toBe(w.coordinator.id);
  });

  it("corrects a row instead of adding one", async () => {
    const m = await sitting(s, w);
    await record(s, w.coordinator.token, m.id, w.refA.id, { mode: "presenza", arrivedLate: true });
    const fixed = await record(s, w.coordinator.token, m.id, w.refA.id, { mode: "remoto", leftEarly: true });
    expect(fixed.body).toMatchObject({ mode: "remoto", arrivedLate: false, leftEarly: true });
    expect(await s.c.attendance.countDocuments({ meetingId: new ObjectId(m.id) })).toBe(1);
  });

  it("closes the register once, storing the quorum; afterwards nothing in it can change", async () => {
    const m = await sitting(s, w);
    await record(s, w.coordinator.token, m.id, w.refA.id);
    const before = s.events.length;
    const closed = await close(m.id);
    expect(closed.status).toBe(200);
    expect(closed.body.register).toMatchObject({
      closedAt: DURING.toISOString(),
      closedBy: w.coordinator.id,
      attendees: 1,
      quorum: { memberOrganisations: 2, representedOrganisations: 1, required: 2, reached: false },
    });
    expect(closed.body.items).toHaveLength(1);
    const [event] = s.events.slice(before);
    expect(event?.type).toBe("meeting.register_closed");
    expect(event?.payload).toMatchObject({ meetingId: m.id, tableId: w.openTable, attendees: 1 });
    const meeting = await s.api("GET", `/api/v1/meetings/${m.id}`, { token: w.refA.token });
    expect(meeting.body.register.quorum.reached).toBe(false);

    const rows = await snapshot(s);
    const stored = await s.c.meetings.findOne({ _id: new ObjectId(m.id) });
    const refused = [
      await close(m.id),
      await record(s, w.coordinator.token, m.id, w.refB.id),
      await s.api("DELETE", `/api/v1/meetings/${m.id}/attendance/${w.refA.id}`, {
        token: w.coordinator.token,
      }),
      await s.api("POST", `/api/v1/meetings/${m.id}/check-in`, {
        token: w.refB.token,
        body: { code: m.code, mode: "remoto" },
      }),
    ];
    expect(refused.map((r) => [r.status, r.body.error.code])).toEqual(
      Array(4).fill([409, "register_closed"]),
    );
    expect(await snapshot(s)).toEqual(rows);
    expect(await s.c.meetings.findOne({ _id: new ObjectId(m.id) })).toEqual(stored);
  });

  it("removes a mistaken row while the register is open", async () => {
    const m = await sitting(s, w);
    await record(s, w.coordinator.token, m.id, w.refB.id);
    const path = `/api/v1/meetings/${m.id}/attendance/${w.refB.id}`;
    const before = s.events.length;
    expect((await s.api("DELETE", path, { token: w.coordinator.token })).status).toBe(204);
    expect(s.events.slice(before).map((e) => e.type)).toEqual(["attendance.removed"]);
    expect((await register(m.id)).body.items).toEqual([]);
    expect((await s.api("DELETE", path, { token: w.coordinator.token })).body.error.code).toBe("not_found");
  });

  it("refuses referents, people not convened, the wrong time and cancelled sittings, changing nothing", async () => {
    const m = await sitting(s, w);
    await record(s, w.coordinator.token, m.id, w.refA.id);
    const rows = await snapshot(s);
    const del = (token: string) =>
      s.api("DELETE", `/api/v1/meetings/${m.id}/attendance/${w.refA.id}`, { token });
    const cases: [() => Promise<{ status: number; body: any }>, number, string][] = [
      [() => record(s, w.refA.token, m.id, w.refB.id), 403, "forbidden"],
      [() => record(s, w.refA.token, m.id, w.refA.id), 403, "forbidden"],
      [() => del(w.refA.token), 403, "forbidden"],
      [() => close(m.id, w.refB.token), 403, "forbidden"],
      [() => register(m.id, w.outsider.token), 403, "forbidden"],
      [() => record(s, w.coordinator.token, m.id, w.outsider.id), 403, "not_convened"],
      [() => record(s, w.coordinator.token, m.id, w.colleagueA.id), 403, "not_convened"],
      [() => record(s, w.coordinator.token, m.id, w.refB.id, { mode: "altrove" }), 400, "validation_failed"],
      [() => record(s, w.coordinator.token, m.id, "nope"), 400, "invalid_id"],
      [() => record(s, w.coordinator.token, new ObjectId().toHexString(), w.refB.id), 404, "not_found"],
    ];
    for (const [request, status, code] of cases) {
      const res = await request();
      expect([res.status, res.body.error.code]).toEqual([status, code]);
    }
    s.clock.now = AT.tooEarly;
    expect((await record(s, w.coordinator.token, m.id, w.refB.id)).body.error.code).toBe("register_not_open");
    expect((await close(m.id)).body.error.code).toBe("register_not_open");
    const cancel = await s.api("POST", `/api/v1/meetings/${m.id}/cancel`, {
      token: w.coordinator.token,
      body: {},
    });
    expect(cancel.body.status).toBe("cancelled");
    s.clock.now = DURING;
    expect((await record(s, w.coordinator.token, m.id, w.refB.id)).body.error.code).toBe("meeting_cancelled");
    expect((await del(w.coordinator.token)).body.error.code).toBe("meeting_cancelled");
    expect((await close(m.id)).body.error.code).toBe("meeting_cancelled");
    expect(await snapshot(s)).toEqual(rows);
  });

  it("lets the coordinator complete the register after the end, and referents of members read it", async () => {
    const m = await sitting(s, w);
    s.clock.now = AT.nextDay;
    expect((await record(s, w.coordinator.token, m.id, w.refB.id, { mode: "remoto" })).status).toBe(200);
    expect((await register(m.id, w.agreementAdmin.token)).body.items).toHaveLength(1);
    expect((await register(m.id, w.refA.token)).status).toBe(200);
  });

  it("applies a fixed number and the rule none", async () => {
    const fixed = await sitting(s, w, { quorum: { kind: "fixed", organisations: 1 } });
    expect((await register(fixed.id)).body.quorum).toMatchObject({ required: 1, reached: false });
    await record(s, w.coordinator.token, fixed.id, w.refB.id, { mode: "remoto" });
    expect((await register(fixed.id)).body.quorum).toMatchObject({
      rule: { kind: "fixed", organisations: 1 },
      representedOrganisations: 1,
      required: 1,
      reached: true,
    });
    const none = await sitting(s, w, { quorum: { kind: "none" } });
    const closed = await close(none.id);
    expect(closed.body.register).toMatchObject({ attendees: 0, quorum: { required: 0, reached: true } });
  });

  it("is described in the OpenAPI document", async () => {
    const doc = await s.api("GET", "/api/v1/openapi.json");
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        "/meetings/{id}/attendance/{personId}",
        "/meetings/{id}/check-in",
        "/meetings/{id}/attendance",
        "/meetings/{id}/register/close",
        "/organisations/{id}/attendance",
      ]),
    );
    expect(doc.body.components.schemas.AttendanceRegister.properties.quorum).toEqual({
      $ref: "#/components/schemas/QuorumOutcome",
    });
  });
});
