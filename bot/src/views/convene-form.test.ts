import { describe, expect, it } from "vitest";
import { conveneModal } from "../blocks/convene-modal.ts";
import { FIELD } from "../ids.ts";
import { agendaFromText, meetingBodyFromModal } from "./convene-form.ts";
import type { ViewState } from "./state.ts";

const TABLE = "65f000000000000000000001";

/** The state Slack sends for a submitted convene modal, as a person would fill it in. */
function submitted(fields: Partial<Record<keyof typeof FIELD, string | null>> = {}): ViewState {
  const f = {
    table: TABLE,
    title: "Seduta ordinaria",
    date: "2026-03-24",
    time: "10:00",
    duration: "120",
    mode: "ibrida",
    place: "Municipio, Piazza Umberto I 1 — Sala giunta",
    videoChoice: "generate",
    videoUrl: null,
    agenda: "Approvazione del verbale\nriservato: gara in corso",
    ...fields,
  };
  const option = (value: string | null) => ({ selected_option: value === null ? null : { value } });
  return {
    [FIELD.table]: { [FIELD.table]: { ...option(f.table) } },
    [FIELD.title]: { [FIELD.title]: { value: f.title } },
    [FIELD.date]: { [FIELD.date]: { selected_date: f.date } },
    [FIELD.time]: { [FIELD.time]: { selected_time: f.time } },
    [FIELD.duration]: { [FIELD.duration]: { ...option(f.duration) } },
    [FIELD.mode]: { [FIELD.mode]: { ...option(f.mode) } },
    [FIELD.place]: { [FIELD.place]: { value: f.place } },
    [FIELD.videoChoice]: { [FIELD.videoChoice]: { ...option(f.videoChoice) } },
    [FIELD.videoUrl]: { [FIELD.videoUrl]: { value: f.videoUrl } },
    [FIELD.agenda]: { [FIELD.agenda]: { value: f.agenda } },
  };
}

describe("meetingBodyFromModal", () => {
  it("builds the API body: wall-clock start in Italy, end with Italy's offset", () => {
    expect(meetingBodyFromModal(submitted())).toEqual({
      tableId: TABLE,
      body: {
        title: "Seduta ordinaria",
        startsAt: "2026-03-24T10:00",
        endsAt: "2026-03-24T12:00:00+01:00",
        mode: "ibrida",
        place: { address: "Municipio, Piazza Umberto I 1", room: "Sala giunta" },
        videoLink: { generate: true },
        agenda: [
          { title: "Approvazione del verbale", confidential: false },
          { title: "gara in corso", confidential: true },
        ],
      },
    });
  });

  it("counts the duration in real minutes across the switch to summer time", () => {
    // 29 March 2026: at 02:00 clocks jump to 03:00, so two hours after 01:30 is 04:30.
    const { body } = meetingBodyFromModal(submitted({ date: "2026-03-29", time: "01:30", duration: "120" }));
    expect(body.startsAt).toBe("2026-03-29T01:30");
    expect(body.endsAt).toBe("2026-03-29T04:30:00+02:00");
    expect(Date.parse(body.endsAt ?? "") - Date.parse("2026-03-29T01:30:00+01:00")).toBe(120 * 60 * 1000);
  });

  it("and across the switch back to winter time", () => {
    const { body } = meetingBodyFromModal(submitted({ date: "2026-10-25", time: "01:30", duration: "120" }));
    expect(body.endsAt).toBe("2026-10-25T02:30:00+01:00");
  });

  it("maps the video choices", () => {
    const link = (videoChoice: string | null, videoUrl: string | null = null) =>
      meetingBodyFromModal(submitted({ videoChoice, videoUrl })).body.videoLink;
    expect(link("generate")).toEqual({ generate: true });
    expect(link("paste", "https://teams.microsoft.com/l/meetup-join/abc")).toEqual({
      url: "https://teams.microsoft.com/l/meetup-join/abc",
    });
    expect(link("paste")).toEqual({ url: "" });
    expect(link("none", "https://ignored.example")).toBeNull();
    expect(link(null)).toBeNull();
  });

  it("falls back to two hours for a duration the modal does not offer", () => {
    const { body } = meetingBodyFromModal(submitted({ duration: "45" }));
    expect(body.endsAt).toBe("2026-03-24T12:00:00+01:00");
  });

  it("leaves place empty when not given, and the end empty without a time", () => {
    const { body } = meetingBodyFromModal(submitted({ place: "   ", time: null, mode: "online" }));
    expect(body.place).toBeNull();
    expect(body.mode).toBe("online");
    expect(body.endsAt).toBe("");
  });

  it("reads the modal's own defaults back as a hybrid two-hour sitting at 10:00 with a Jitsi room", () => {
    const view = conveneModal({
      lang: "it",
      tables: [{ id: TABLE, name: "WP1" }],
      defaultDate: "2026-03-31",
    });
    const initial = (id: string) => {
      const block = (view.blocks as { block_id: string; element: Record<string, any> }[]).find(
        (b) => b.block_id === id,
      );
      const e = block?.element ?? {};
      return e.initial_option?.value ?? e.initial_date ?? e.initial_time ?? e.initial_value ?? null;
    };
    const keys = Object.keys(FIELD) as (keyof typeof FIELD)[];
    const defaults = Object.fromEntries(keys.map((k) => [k, initial(FIELD[k])]));
    const { tableId, body } = meetingBodyFromModal(submitted({ ...defaults, title: "Prima seduta" }));
    expect(tableId).toBe(TABLE);
    expect(body).toMatchObject({
      startsAt: "2026-03-31T10:00",
      endsAt: "2026-03-31T12:00:00+02:00",
      mode: "ibrida",
      place: null,
      videoLink: { generate: true },
      agenda: [],
    });
  });
});

describe("agendaFromText", () => {
  it("makes one item per line, dropping blank lines, bullets and numbers", () => {
    const text = [
      "1. Approvazione del verbale",
      "2) Piano di migrazione al cloud",
      "",
      "- Dati aperti",
      "• Riuso delle soluzioni",
      "* Varie ed eventuali",
      "   ",
      "Bilancio 2026",
    ].join("\r\n");
    expect(agendaFromText(text)).toEqual([
      { title: "Approvazione del verbale", confidential: false },
      { title: "Piano di migrazione al cloud", confidential: false },
      { title: "Dati aperti", confidential: false },
      { title: "Riuso delle soluzioni", confidential: false },
      { title: "Varie ed eventuali", confidential: false },
      { title: "Bilancio 2026", confidential: false },
    ]);
  });

  it("marks «riservato:» lines confidential, after a bullet or number too, in any case", () => {
    expect(
      agendaFromText(
        "riservato: gara in corso\n3. RISERVATO : parere legale\n- Confidential: offerta\nNon riservato: pubblico",
      ),
    ).toEqual([
      { title: "gara in corso", confidential: true },
      { title: "parere legale", confidential: true },
      { title: "offerta", confidential: true },
      { title: "Non riservato: pubblico", confidential: false },
    ]);
  });

  it("gives nothing for an empty agenda", () => {
    expect(agendaFromText("")).toEqual([]);
    expect(agendaFromText("\n  \n")).toEqual([]);
  });
});
