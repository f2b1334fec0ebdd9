import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { meetingWorld } from "../meetings/test-fixtures.ts";
import { DURING, record, sitting } from "./test-fixtures.ts";

describe("a person's attendance as personal data (GDPR art. 15)", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
  });
  afterAll(() => s.close());

  it("exports the sittings the person was recorded at, and nobody else's", async () => {
    const m = await sitting(s, w);
    const recorded = await record(s, w.coordinator.token, m.id, w.refA.id, {
      mode: "presenza",
      arrivedLate: true,
    });
    expect(recorded.status).toBe(200);
    const mine = await s.api("GET", "/api/v1/people/me/export", { token: w.refA.token });
    expect(mine.body.attendance).toEqual([
      {
        meetingId: m.id,
        mode: "presenza",
        arrivedLate: true,
        leftEarly: false,
        source: "coordinator",
        recordedAt: DURING.toISOString(),
      },
    ]);
    const others = await s.api("GET", "/api/v1/people/me/export", { token: w.refB.token });
    expect(others.body.attendance).toEqual([]);
  });
});
