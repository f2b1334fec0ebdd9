import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { convene, meetingWorld } from "./test-fixtures.ts";

/** One rule (timing.ts requireDeadlineByStart) on the three ways a sitting's times are set. */
describe("an RSVP deadline never falls after the start", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
  });
  afterAll(() => s.close());

  it("is refused when convening, when changing the deadline and when moving the start before it", async () => {
    const late = await convene(s, w.coordinator.token, w.openTable, { rsvpDeadline: "2026-03-24T10:30" });
    expect(late.body.error?.code).toBe("rsvp_deadline_after_start");
    const sitting = await convene(s, w.coordinator.token, w.openTable, { rsvpDeadline: "2026-03-23T18:00" });
    expect(sitting.status).toBe(201);
    const patched = await s.api("PATCH", `/api/v1/meetings/${sitting.body.id}`, {
      token: w.coordinator.token,
      body: { rsvpDeadline: "2026-03-24T11:00" },
    });
    expect(patched.body.error?.code).toBe("rsvp_deadline_after_start");
    const moved = await s.api("POST", `/api/v1/meetings/${sitting.body.id}/reschedule`, {
      token: w.coordinator.token,
      body: { startsAt: "2026-03-23T09:00", endsAt: "2026-03-23T11:00" },
    });
    expect(moved.body.error?.code).toBe("rsvp_deadline_after_start");
    const kept = await s.api("GET", `/api/v1/meetings/${sitting.body.id}`, { token: w.coordinator.token });
    expect(kept.body).toMatchObject({
      rsvpDeadline: "2026-03-23T17:00:00.000Z",
      startsAt: "2026-03-24T09:00:00.000Z",
    });
  });
});
