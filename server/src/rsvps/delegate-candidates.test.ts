import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { convene, meetingWorld } from "../meetings/test-fixtures.ts";

describe("the colleagues one may name with delega", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
  });
  afterAll(() => s.close());

  const candidates = (token: string, meetingId: string) =>
    s.api("GET", `/api/v1/meetings/${meetingId}/delegate-candidates`, { token });
  const newMeeting = async () => (await convene(s, w.coordinator.token, w.openTable)).body.id as string;

  it("lists the organisation's colleagues, and exactly those are accepted as delegates", async () => {
    const id = await newMeeting();
    const listed = await candidates(w.refA.token, id);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toContainEqual({ personId: w.colleagueA.id, name: "Aldo Collega A" });
    const ids = new Set(listed.body.items.map((i: { personId: string }) => i.personId));
    expect(ids.has(w.refA.id)).toBe(false);
    // The same rule as the answer's check: everyone of the world, listed ⟺ accepted.
    for (const person of [w.colleagueA, w.refB, w.outsider, w.coordinator, w.admin]) {
      const named = await s.api("PUT", `/api/v1/meetings/${id}/rsvps/me`, {
        token: w.refA.token,
        body: { answer: "delega", delegateId: person.id },
      });
      expect(named.status === 200, person.id).toBe(ids.has(person.id));
    }
    expect(
      (await candidates(w.refB.token, id)).body.items.map((i: { personId: string }) => i.personId),
    ).not.toContain(w.colleagueA.id);
  });

  it("refuses who may not delegate there: coordinator, outsider, a delegate, a past colleague", async () => {
    const id = await newMeeting();
    for (const person of [w.coordinator, w.outsider, w.colleagueA]) {
      const res = await candidates(person.token, id);
      expect(res.status, person.id).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
    await s.api("PUT", `/api/v1/meetings/${id}/rsvps/me`, {
      token: w.refA.token,
      body: { answer: "delega", delegateId: w.colleagueA.id },
    });
    expect((await candidates(w.colleagueA.token, id)).status).toBe(403);
    expect((await candidates(w.refA.token, "nonvalido")).body.error.code).toBe("invalid_id");
  });

  it("leaves erased colleagues out", async () => {
    const id = await newMeeting();
    const before = (await candidates(w.refA.token, id)).body.items.length;
    const erased = await s.api("DELETE", "/api/v1/people/me", { token: w.colleagueA.token });
    expect(erased.status).toBeLessThan(300);
    const after = (await candidates(w.refA.token, id)).body.items;
    expect(after.length).toBe(before - 1);
    expect(after.map((i: { personId: string }) => i.personId)).not.toContain(w.colleagueA.id);
  });
});
