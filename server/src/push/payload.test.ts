import { describe, expect, it } from "vitest";
import { buildPayload, MAX_PAYLOAD_BYTES, type PushReminder, topicFor } from "./payload.ts";

const reminder = (change: Partial<PushReminder> = {}): PushReminder => ({
  meetingId: "6650f1c2a1b2c3d4e5f60718",
  title: "Seduta",
  body: "Domani alle 10:00",
  startsAt: new Date("2026-07-01T08:00:00Z"),
  url: "https://tavoli.example.it/meetings/6650f1c2a1b2c3d4e5f60718",
  last: false,
  ...change,
});

describe("the push payload", () => {
  it("is sent whole when it fits, with the start in Italian summer or winter time", () => {
    expect(JSON.parse(buildPayload(reminder()) ?? "")).toEqual({
      meetingId: "6650f1c2a1b2c3d4e5f60718",
      title: "Seduta",
      body: "Domani alle 10:00",
      startsAtRome: "2026-07-01T10:00:00+02:00",
      url: "https://tavoli.example.it/meetings/6650f1c2a1b2c3d4e5f60718",
      tag: "meeting-6650f1c2a1b2c3d4e5f60718",
    });
    const winter = buildPayload(reminder({ startsAt: new Date("2026-12-01T09:30:00Z") }));
    expect(JSON.parse(winter ?? "").startsAtRome).toBe("2026-12-01T10:30:00+01:00");
  });

  it("cuts the longer text first, and both when both are long, within the limit", () => {
    const long = 'Ordine del giorno "bilancio" 🇮🇹 '.repeat(200);
    const titleOnly = JSON.parse(buildPayload(reminder({ title: long })) ?? "");
    expect(titleOnly.body).toBe("Domani alle 10:00");
    const both = buildPayload(reminder({ title: long, body: long })) ?? "";
    expect(Buffer.byteLength(both)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    const parsed = JSON.parse(both);
    expect([parsed.title.endsWith("…"), parsed.body.endsWith("…")]).toEqual([true, true]);
    expect(Math.abs([...parsed.title].length - [...parsed.body].length)).toBeLessThanOrEqual(1);
  });

  it("cuts only where a character ends, wherever the limit falls", () => {
    const family = "👩‍👩‍👧‍👦"; // one character: 7 code points, 11 UTF-16 units, 25 bytes
    for (let shift = 0; shift < 12; shift++) {
      const title = `${"è".repeat(shift)}${family.repeat(300)}`;
      const cut = JSON.parse(buildPayload(reminder({ title })) ?? "").title as string;
      const kept = cut.slice(0, -1);
      expect(cut.endsWith("…"), `shift ${shift}`).toBe(true);
      expect(kept.slice(shift).split(family).join(""), `shift ${shift}`).toBe("");
      expect(title.startsWith(kept)).toBe(true);
    }
  });

  it("is refused rather than sent broken when even empty texts would not fit", () => {
    expect(buildPayload(reminder({ url: `https://tavoli.example.it/${"x".repeat(3000)}` }))).toBeNull();
  });

  it("has one Topic per sitting: at most 32 URL-safe characters", () => {
    const topic = topicFor("6650f1c2a1b2c3d4e5f60718");
    expect(topic).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(topicFor("6650f1c2a1b2c3d4e5f60718")).toBe(topic);
    expect(topicFor("6650f1c2a1b2c3d4e5f60719")).not.toBe(topic);
  });

  it("keeps the answer buttons whole, cutting the texts around them, or leaves them out when they cannot fit", () => {
    const actions = [
      { action: "presenza" as const, title: "Partecipo", token: "a".repeat(70) },
      { action: "remoto" as const, title: "Da remoto", token: "b".repeat(70) },
    ];
    const long = "Seduta 🇮🇹 ".repeat(400);
    const both = buildPayload(reminder({ title: long, body: long, actions })) ?? "";
    expect(Buffer.byteLength(both)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    expect(JSON.parse(both).actions).toEqual(actions);
    expect(JSON.parse(both).title.endsWith("…")).toBe(true);
    // A URL that leaves room for empty texts but not for the buttons as well: sent without them.
    const bare = buildPayload(reminder({ title: "", body: "", url: "" })) ?? "";
    const room = MAX_PAYLOAD_BYTES - Buffer.byteLength(bare);
    const url = `https://t.it/${"x".repeat(room - 20)}`;
    const crowded = JSON.parse(buildPayload(reminder({ url, actions })) ?? "null");
    expect(crowded.url).toBe(url);
    expect(crowded.actions).toBeUndefined();
    expect(JSON.parse(buildPayload(reminder()) ?? "").actions).toBeUndefined();
  });
});
