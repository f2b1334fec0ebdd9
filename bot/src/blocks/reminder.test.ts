import { describe, expect, it } from "vitest";
import type { ReminderMessage } from "../../../server/src/reminders/index.ts";
import { ACTION } from "../ids.ts";
import { leadPhrase, reminderMessage } from "./reminder.ts";

const message = (overrides: Partial<ReminderMessage> = {}): ReminderMessage => ({
  kind: "before",
  meetingId: "65f000000000000000000001",
  title: "Seduta di marzo",
  tableName: "WP1 · Servizi digitali",
  startsAt: new Date("2026-03-24T09:00:00Z"),
  leadMinutes: 60,
  url: "https://tavoli.example.it/#/meetings/65f000000000000000000001",
  rsvpOpen: true,
  lang: "it",
  ...overrides,
});

const actionIds = (built: { blocks: unknown[] }) =>
  built.blocks.flatMap((block) => {
    const b = block as { type: string; elements?: { action_id?: string }[] };
    return b.type === "actions" ? (b.elements ?? []).map((e) => e.action_id) : [];
  });

describe("reminderMessage", () => {
  it("says what, where and when in Rome's time, how soon, with the convocation's RSVP buttons", () => {
    const built = reminderMessage({ message: message(), lang: "it" });
    expect(built.text).toBe(
      "Promemoria: Seduta di marzo — WP1 · Servizi digitali, martedì 24 marzo 2026, 10:00 (tra 1 ora)",
    );
    expect(actionIds(built)).toEqual([
      ACTION.rsvpPresenza,
      ACTION.rsvpRemoto,
      ACTION.rsvpAssente,
      ACTION.openTavoli,
    ]);
    expect(JSON.stringify(built.blocks)).toContain('"text":"Partecipa"');
  });

  it("uses summer time after the clocks change, and English when asked", () => {
    const built = reminderMessage({
      message: message({ startsAt: new Date("2026-04-02T13:30:00Z"), leadMinutes: 1440 }),
      lang: "en",
    });
    expect(built.text).toBe(
      "Reminder: Seduta di marzo — WP1 · Servizi digitali, Thursday 2 April 2026, 15:30 (tomorrow)",
    );
  });

  it("asks for a confirmation, and offers only the link once answers are closed", () => {
    const built = reminderMessage({ message: message({ kind: "confirm", rsvpOpen: false }), lang: "it" });
    expect(built.text).toMatch(/^Conferma la tua presenza: Seduta di marzo — /);
    expect(actionIds(built)).toEqual([ACTION.openTavoli]);
  });

  it("says a cancelled sitting is cancelled, with no buttons", () => {
    const built = reminderMessage({ message: message({ kind: "cancelled", leadMinutes: null }), lang: "it" });
    expect(built.text).toMatch(/^Annullata: Seduta di marzo — /);
    expect(actionIds(built)).toEqual([]);
  });

  it("escapes a title that would ping a channel", () => {
    const built = reminderMessage({ message: message({ title: "<!channel> & co" }), lang: "it" });
    expect(JSON.stringify(built)).not.toContain("<!channel>");
    expect(built.text).toContain("&lt;!channel&gt; &amp; co");
  });
});

describe("leadPhrase", () => {
  it("reads lead times as Italians say them", () => {
    expect(leadPhrase(60, "it")).toBe("tra 1 ora");
    expect(leadPhrase(1440, "it")).toBe("domani");
    expect(leadPhrase(2880, "it")).toBe("tra 2 giorni");
    expect(leadPhrase(10080, "it")).toBe("tra 1 settimana");
    expect(leadPhrase(15, "it")).toBe("tra 15 minuti");
    expect(leadPhrase(90, "it")).toBe("tra 1 ora e 30 minuti");
    expect(leadPhrase(1530, "en")).toBe("in 1 day, 1 hour and 30 minutes");
    expect(leadPhrase(null, "it")).toBeNull();
  });
});
