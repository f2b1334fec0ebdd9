import { describe, expect, it } from "vitest";
import { ACTION } from "../ids.ts";
import { convocationMessage } from "./convocation.ts";
import { agendaItem, buttonsIn, CANARY, COUNTS, meetingDoc, viewOf } from "./test-fixtures.ts";

const publicUrl = "https://tavoli.example.it";

const render = (view: ReturnType<typeof viewOf>, lang: "it" | "en" = "it") =>
  convocationMessage({ meeting: view, counts: COUNTS, lang, publicUrl });

const textOf = (block: unknown) => {
  const b = block as { text?: { text: string }; elements?: { text: string }[] };
  return b.text?.text ?? b.elements?.map((e) => e.text).join(" ") ?? "";
};
const allText = (message: ReturnType<typeof render>) => message.blocks.map(textOf).join("\n");
const actionsOf = (message: ReturnType<typeof render>) =>
  message.blocks.find(
    (b): b is { type: "actions"; block_id: string; elements: never[] } => b.type === "actions",
  );

describe("convocationMessage, public view (a table's channel)", () => {
  const doc = meetingDoc();
  const message = render(viewOf(doc, "public"));

  it("shows the date and time in Europe/Rome, in Italian", () => {
    expect(allText(message)).toContain("*Quando:* martedì 24 marzo 2026, 10:00–12:00");
    expect(message.text).toBe("Seduta ordinaria — martedì 24 marzo 2026, 10:00–12:00");
  });

  it("says how many items are confidential and never shows them nor the video link", () => {
    expect(allText(message)).toContain(":lock: 1 punto riservato: apri Tavoli.");
    expect(allText(message)).toContain("Dettagli riservati: apri Tavoli.");
    expect(allText(message)).toContain(
      "1. Approvazione del verbale precedente\n2. Piano di migrazione al cloud",
    );
    const json = JSON.stringify(message);
    expect(json).not.toContain(CANARY.item);
    expect(json).not.toContain(CANARY.link);
    expect(json).not.toContain("meet.jit.si");
  });

  it("has the three RSVP buttons carrying the meeting id, a Join that asks, and Open in Tavoli", () => {
    const id = doc._id.toHexString();
    const actions = actionsOf(message);
    expect(actions?.block_id).toBe(`meeting_${id}`);
    const buttons = buttonsIn(actions);
    expect(buttons.map((b) => [b.text.text, b.action_id, b.value ?? b.url])).toEqual([
      ["Presente", ACTION.rsvpPresenza, id],
      ["Da remoto", ACTION.rsvpRemoto, id],
      ["Assente", ACTION.rsvpAssente, id],
      ["Partecipa", ACTION.join, id],
      [
        "Apri in Tavoli",
        ACTION.openTavoli,
        expect.stringMatching(new RegExp(`^${publicUrl}/.*meetings/${id}$`)),
      ],
    ]);
    expect(buttons[0]?.style).toBe("primary");
  });

  it("shows table, short code, place and counts", () => {
    const text = allText(message);
    expect(text).toContain(
      `Convocazione · WP1 · Servizi digitali alla persona · codice \`${doc._id.toHexString().slice(-6)}\``,
    );
    expect(text).toContain("*Modalità:* Ibrida (in presenza e online)");
    expect(text).toContain("*Luogo:* Municipio di Caltagirone, Piazza Municipio 5, Sala giunta");
    expect(textOf(message.blocks.at(-1))).toBe(
      "Presenti 3 · da remoto 1 · assenti 1 · deleghe 0 · in attesa 5 (convocati 10)",
    );
  });
});

describe("convocationMessage, other views", () => {
  it("gives a person convened the whole agenda and a link button to the video room", () => {
    const doc = meetingDoc();
    const message = render(viewOf(doc, "convened"));
    expect(allText(message)).toContain(`3. ${CANARY.item}`);
    expect(allText(message)).not.toContain("riservat");
    const buttons = buttonsIn(actionsOf(message));
    const join = buttons.find((b) => b.text.text === "Partecipa");
    expect(join?.url).toBe(doc.videoLink?.url);
    // Slack refuses an actions block whose action_ids repeat (invalid_blocks).
    const ids = buttons.map((b) => b.action_id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("has no Join button for an in-person sitting", () => {
    const message = render(viewOf(meetingDoc({ mode: "in_presenza", videoLink: null }), "convened"));
    expect(buttonsIn(message.blocks).map((b) => b.text.text)).not.toContain("Partecipa");
    expect(allText(message)).toContain("*Modalità:* In presenza");
  });

  it("once cancelled, strikes the date, says ANNULLATA and offers no answer", () => {
    const doc = meetingDoc({
      status: "cancelled",
      cancellation: { at: new Date("2026-03-20T08:00:00Z"), reason: "Sala indisponibile" },
    });
    const message = render(viewOf(doc, "public"));
    expect(message.blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "ANNULLATA · Seduta ordinaria" },
    });
    expect(allText(message)).toContain("*Quando:* ~martedì 24 marzo 2026, 10:00–12:00~");
    const buttons = buttonsIn(message.blocks);
    expect(buttons.map((b) => b.action_id)).toEqual([ACTION.openTavoli]);
  });

  it("speaks English to an English speaker, still in Rome time", () => {
    const message = render(viewOf(meetingDoc(), "public"), "en");
    expect(allText(message)).toContain("*When:* Tuesday 24 March 2026, 10:00–12:00");
    expect(allText(message)).toContain("1 confidential item: open Tavoli.");
    expect(buttonsIn(message.blocks).map((b) => b.text.text)).toEqual([
      "Attending",
      "Remote",
      "Not attending",
      "Join",
      "Open in Tavoli",
    ]);
  });

  it("says the agenda is to be defined when there is none", () => {
    const message = render(viewOf(meetingDoc({ agenda: [] }), "public"));
    expect(allText(message)).toContain("*Ordine del giorno*\nOrdine del giorno da definire.");
    expect(allText(message)).not.toContain("punto riservato");
  });
});

describe("convocationMessage, Block Kit limits and escaping", () => {
  it("clips a 300-character title to a 150-character header", () => {
    const title = "Riorganizzazione dei servizi ".repeat(11).slice(0, 300);
    for (const status of ["convened", "cancelled"] as const) {
      const message = render(viewOf(meetingDoc({ title, status }), "public"));
      const header = textOf(message.blocks[0]);
      expect(header.length).toBeLessThanOrEqual(150);
      expect(header.endsWith("…")).toBe(true);
    }
  });

  it("keeps every button's text within 75 characters, in both languages", () => {
    for (const lang of ["it", "en"] as const) {
      const message = render(viewOf(meetingDoc({ title: "x".repeat(300) }), "convened"), lang);
      for (const b of buttonsIn(message.blocks)) expect(b.text.text.length).toBeLessThanOrEqual(75);
    }
  });

  it("escapes <, > and & in mrkdwn but not in the plain-text header", () => {
    const doc = meetingDoc({
      title: "<!channel> Bilancio & PNRR",
      place: { address: "Via <Roma> & Garibaldi 1", room: null },
      agenda: [agendaItem("Dati <b>aperti</b> & riuso")],
    });
    const message = render({ ...viewOf(doc, "public"), tableName: "Unione <Calatino> & Sud" });
    expect(textOf(message.blocks[0])).toBe("<!channel> Bilancio & PNRR");
    expect(textOf(message.blocks[1])).toContain("Convocazione · Unione &lt;Calatino&gt; &amp; Sud");
    expect(allText(message)).toContain("*Luogo:* Via &lt;Roma&gt; &amp; Garibaldi 1");
    expect(allText(message)).toContain("1. Dati &lt;b&gt;aperti&lt;/b&gt; &amp; riuso");
    expect(message.text).toContain("&lt;!channel&gt; Bilancio &amp; PNRR");
    expect(message.text).not.toContain("<!channel>");
  });
});
