import { expect } from "vitest";
import type { TestServer } from "../../../test/support/server.ts";
import { convene, type meetingWorld } from "../meetings/test-fixtures.ts";

type World = Awaited<ReturnType<typeof meetingWorld>>;

/** 10:15 in Rome on 24 March 2026: a quarter of an hour into the sitting `convene()` creates. */
export const DURING = new Date("2026-03-24T09:15:00Z");
/** Instants around that sitting (10:00–12:00 Rome, 09:00–11:00 UTC). */
export const AT = {
  tooEarly: new Date("2026-03-24T08:29:00Z"),
  opens: new Date("2026-03-24T08:30:00Z"),
  ends: new Date("2026-03-24T11:00:00Z"),
  afterEnd: new Date("2026-03-24T11:01:00Z"),
  nextDay: new Date("2026-03-25T08:00:00Z"),
};

/**
 * Convenes a sitting of the open table on 24 March (convening happens on 10 March, when it is still in
 * the future), then moves the clock into it. Returns its id and the check-in code organisers see.
 */
export async function sitting(s: TestServer, w: World, overrides: Record<string, unknown> = {}) {
  s.clock.now = new Date("2026-03-10T09:00:00Z");
  const res = await convene(s, w.coordinator.token, w.openTable, overrides);
  expect(res.status).toBe(201);
  s.clock.now = DURING;
  return { id: res.body.id as string, code: res.body.checkInCode as string };
}

/** The coordinator (or `token`) records a person's attendance. */
export function record(
  s: TestServer,
  token: string,
  meetingId: string,
  personId: string,
  body: Record<string, unknown> = { mode: "presenza" },
) {
  return s.api("PUT", `/api/v1/meetings/${meetingId}/attendance/${personId}`, { token, body });
}

/** Every attendance row, to prove a refused request changed nothing. */
export function snapshot(s: TestServer) {
  return s.c.attendance.find().sort({ _id: 1 }).toArray();
}

/** A six-digit code that is not `code`. */
export function wrongCode(code: string): string {
  return code === "000000" ? "111111" : "000000";
}
