import { ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import type { RsvpAnswer } from "../../../server/src/rsvps/index.ts";
import { ACTION } from "../ids.ts";
import { buttonsIn, CANARY, meetingDoc, viewOf } from "./test-fixtures.ts";
import { type UpcomingMeeting, upcomingMessage } from "./upcoming.ts";

const DAY = 24 * 60 * 60 * 1000;

/** The n-th of a weekly series starting Tuesday 24 March 2026 10:00 Rome, as a convened person sees it. */
function upcoming(n: number, answer: RsvpAnswer | null = null, overrides = {}): UpcomingMeeting {
  const startsAt = new Date(Date.parse("2026-03-24T09:00:00Z") + n * 7 * DAY);
  const doc = meetingDoc({
    _id: new ObjectId(),
    title: `Seduta n. ${n + 1}`,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 60 * 60 * 1000),
    ...overrides,
  });
  return { ...viewOf(doc, "convened"), myRsvp: answer ? { answer } : null };
}

const sectionTexts = (blocks: unknown[] | undefined) =>
  (blocks ?? [])
    .filter(
      (b): b is { type: "section"; text: { text: string } } => (b as { type: string }).type === "section",
    )
    .map((b) => b.text.text);

describe("upcomingMessage", () => {
  it("says so, privately, when there is nothing coming", () => {
    expect(upcomingMessage([], "it")).toEqual({
      response_type: "ephemeral",
      text: "Non hai riunioni in programma.",
    });
    expect(upcomingMessage([], "en").text).toBe("You have no upcoming meetings.");
  });

  it("shows each sitting with table, Rome time, mode, my answer and its code", () => {
    const meeting = upcoming(0, "remoto");
    const message = upcomingMessage([meeting], "it");
    expect(message.blocks?.[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "Le tue prossime riunioni" },
    });
    expect(sectionTexts(message.blocks)).toEqual([
      [
        "*Seduta n. 1*",
        "WP1 · Servizi digitali alla persona · martedì 24 marzo 2026, 10:00–12:00 · Ibrida (in presenza e online)",
        `La tua risposta: Da remoto · codice \`${meeting.id.slice(-6)}\``,
      ].join("\n"),
    ]);
  });

  it("puts the three RSVP buttons, carrying the meeting id, under each sitting", () => {
    const meetings = [upcoming(0), upcoming(1, "presenza")];
    const message = upcomingMessage(meetings, "it");
    const actions = (message.blocks ?? []).filter((b) => (b as { type: string }).type === "actions");
    expect(actions).toHaveLength(2);
    meetings.forEach((meeting, i) => {
      expect(actions[i]).toMatchObject({ block_id: `rsvp_${meeting.id}` });
      expect(buttonsIn(actions[i]).map((b) => [b.text.text, b.action_id, b.value])).toEqual([
        ["Presente", ACTION.rsvpPresenza, meeting.id],
        ["Da remoto", ACTION.rsvpRemoto, meeting.id],
        ["Assente", ACTION.rsvpAssente, meeting.id],
      ]);
    });
    expect(sectionTexts(message.blocks)[0]).toContain("La tua risposta: non hai ancora risposto");
  });

  it("marks a cancelled sitting and offers no answer for it", () => {
    const cancelled = upcoming(0, "presenza", { status: "cancelled" });
    const message = upcomingMessage([cancelled, upcoming(1)], "it");
    expect(sectionTexts(message.blocks)[0]).toMatch(/^\*Seduta n\. 1\* — \*ANNULLATA\*\n/);
    const values = buttonsIn(message.blocks).map((b) => b.value);
    expect(values).not.toContain(cancelled.id);
    expect(values).toHaveLength(3);
  });

  it("speaks English", () => {
    const message = upcomingMessage([upcoming(0, "assente")], "en");
    expect(message.text).toBe("Your upcoming meetings");
    expect(sectionTexts(message.blocks)[0]).toContain("Tuesday 24 March 2026, 10:00–12:00 · Hybrid");
    expect(sectionTexts(message.blocks)[0]).toContain("Your answer: Not attending · code");
    expect(buttonsIn(message.blocks).map((b) => b.text.text)).toEqual([
      "Attending",
      "Remote",
      "Not attending",
    ]);
  });

  it("stays within 50 blocks for ten sittings, buttons within 75 characters", () => {
    const meetings = Array.from({ length: 10 }, (_, n) => upcoming(n, null, { title: "y".repeat(300) }));
    for (const lang of ["it", "en"] as const) {
      const message = upcomingMessage(meetings, lang);
      expect(message.blocks?.length).toBeLessThanOrEqual(50);
      expect(buttonsIn(message.blocks)).toHaveLength(30);
      for (const b of buttonsIn(message.blocks)) expect(b.text.text.length).toBeLessThanOrEqual(75);
    }
  });

  it("escapes <, > and & in titles and table names", () => {
    const meeting = { ...upcoming(0, null, { title: "<!here> Bilancio & PNRR" }), tableName: "A&B <tavolo>" };
    const [text] = sectionTexts(upcomingMessage([meeting], "it").blocks);
    expect(text).toContain("*&lt;!here&gt; Bilancio &amp; PNRR*");
    expect(text).toContain("A&amp;B &lt;tavolo&gt; · ");
    expect(text).not.toContain("<!here>");
  });

  it("never shows agenda items, confidential or not, nor the video link", () => {
    const json = JSON.stringify(upcomingMessage([upcoming(0)], "it"));
    expect(json).not.toContain(CANARY.item);
    expect(json).not.toContain(CANARY.link);
  });
});
