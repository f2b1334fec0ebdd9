import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { convene, meetingWorld } from "../meetings/test-fixtures.ts";

describe("a person's answers to convocations as personal data (GDPR art. 15)", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
  });
  afterAll(() => s.close());

  it("exports the person's own answers and nobody else's", async () => {
    const meetingId = (await convene(s, w.coordinator.token, w.openTable)).body.id as string;
    const answered = await s.api("PUT", `/api/v1/meetings/${meetingId}/rsvps/me`, {
      token: w.refA.token,
      body: { answer: "presenza" },
    });
    expect(answered.status).toBe(200);
    const mine = await s.api("GET", "/api/v1/people/me/export", { token: w.refA.token });
    expect(mine.body.rsvps).toEqual([
      { meetingId, answer: "presenza", delegateId: null, answeredAt: "2026-03-10T09:00:00.000Z" },
    ]);
    const others = await s.api("GET", "/api/v1/people/me/export", { token: w.refB.token });
    expect(others.body.rsvps).toEqual([]);
  });
});
