import { describe, expect, it } from "vitest";
import { AppError } from "../shared/errors.ts";
import { normaliseQuietHours, outsideQuietHours } from "./quiet-hours.ts";

const NOW = new Date("2026-03-01T12:00:00Z");
const night = { from: "22:00", to: "07:00" };

describe("quiet hours (Europe/Rome)", () => {
  it("leaves a time outside them alone", () => {
    const at = new Date("2026-03-10T17:00:00Z"); // 18:00 in Rome
    expect(outsideQuietHours(at, night, new Date("2026-03-11T09:00:00Z"), NOW)).toEqual(at);
    expect(outsideQuietHours(at, null, new Date("2026-03-11T09:00:00Z"), NOW)).toEqual(at);
  });

  it("moves one due at night to their end when the sitting is later", () => {
    // 1 h before a 07:30 sitting is 06:30 in Rome: it waits until 07:00 (06:00Z in winter).
    const at = new Date("2026-03-10T05:30:00Z");
    expect(outsideQuietHours(at, night, new Date("2026-03-10T06:30:00Z"), NOW)).toEqual(
      new Date("2026-03-10T06:00:00Z"),
    );
  });

  it("brings it forward to their start when their end would be after the sitting", () => {
    // A 06:30 sitting: 1 h before is 05:30, the end at 07:00 is too late, so 22:00 the evening before.
    const at = new Date("2026-03-10T04:30:00Z");
    expect(outsideQuietHours(at, night, new Date("2026-03-10T05:30:00Z"), NOW)).toEqual(
      new Date("2026-03-09T21:00:00Z"),
    );
  });

  it("keeps the time when both edges are out of reach (convened in the night for the early morning)", () => {
    const now = new Date("2026-03-09T23:00:00Z"); // midnight in Rome, inside the quiet hours
    const at = new Date("2026-03-10T04:30:00Z");
    expect(outsideQuietHours(at, night, new Date("2026-03-10T05:30:00Z"), now)).toEqual(at);
  });

  it("reads the hours in Rome's local time across the change to summer time", () => {
    // 29 March 2026: clocks go from 02:00 to 03:00. 06:30 CEST = 04:30Z; the end, 07:00 CEST, is 05:00Z.
    const at = new Date("2026-03-29T04:30:00Z");
    expect(outsideQuietHours(at, night, new Date("2026-03-29T07:00:00Z"), NOW)).toEqual(
      new Date("2026-03-29T05:00:00Z"),
    );
  });

  it("handles hours within one day too", () => {
    const lunch = { from: "13:00", to: "14:30" };
    const at = new Date("2026-03-10T12:15:00Z"); // 13:15 in Rome
    expect(outsideQuietHours(at, lunch, new Date("2026-03-10T15:00:00Z"), NOW)).toEqual(
      new Date("2026-03-10T13:30:00Z"),
    );
  });

  it("refuses malformed or empty hours with their own code", () => {
    for (const bad of [
      { from: "22", to: "07:00" },
      { from: "24:00", to: "07:00" },
      { from: "08:00", to: "08:00" },
      {},
    ])
      expect(() => normaliseQuietHours(bad)).toThrow(AppError);
    expect(normaliseQuietHours(null)).toBeNull();
    expect(normaliseQuietHours({ from: "22:30", to: "06:45" })).toEqual({ from: "22:30", to: "06:45" });
  });
});
