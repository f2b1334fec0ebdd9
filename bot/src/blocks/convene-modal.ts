import type { Lang } from "../i18n.ts";
import { FIELD, VIEW } from "../ids.ts";
import { dateInput, modal, radioInput, selectInput, textInput, timeInput } from "./inputs.ts";

const T = {
  it: {
    title: "Convoca riunione",
    submit: "Convoca",
    close: "Annulla",
    table: "Tavolo",
    meetingTitle: "Titolo",
    date: "Data",
    time: "Ora di inizio (ora italiana)",
    duration: "Durata",
    mode: "Modalità",
    modes: [
      ["In presenza", "in_presenza"],
      ["Online", "online"],
      ["Ibrida", "ibrida"],
    ] as [string, string][],
    place: "Luogo (indirizzo, sala)",
    placeHint: "Obbligatorio in presenza e ibrida. Es.: Municipio, Piazza Umberto I 1 — Sala giunta",
    video: "Collegamento audio-video",
    videoChoices: [
      ["Nessuno", "none"],
      ["Genera una stanza Jitsi", "generate"],
      ["Incolla un link", "paste"],
    ] as [string, string][],
    videoUrl: "Link (Teams, Meet, Zoom, Webex, Jitsi)",
    agenda: "Ordine del giorno",
    agendaHint: "Un punto per riga. Inizia la riga con «riservato:» per un punto riservato al tavolo.",
  },
  en: {
    title: "Convene meeting",
    submit: "Convene",
    close: "Cancel",
    table: "Table",
    meetingTitle: "Title",
    date: "Date",
    time: "Start time (Italian time)",
    duration: "Duration",
    mode: "Mode",
    modes: [
      ["In person", "in_presenza"],
      ["Online", "online"],
      ["Hybrid", "ibrida"],
    ] as [string, string][],
    place: "Place (address, room)",
    placeHint: "Required in person and hybrid. E.g.: Town hall, Piazza Umberto I 1 — Council room",
    video: "Audio-video link",
    videoChoices: [
      ["None", "none"],
      ["Generate a Jitsi room", "generate"],
      ["Paste a link", "paste"],
    ] as [string, string][],
    videoUrl: "Link (Teams, Meet, Zoom, Webex, Jitsi)",
    agenda: "Agenda",
    agendaHint: "One item per line. Start a line with “riservato:” for an item confidential to the table.",
  },
} satisfies Record<Lang, unknown>;

export const DURATIONS = [30, 60, 90, 120, 180, 240] as const;

const durationText = (minutes: number, lang: Lang) => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0
    ? `${h} ${lang === "it" ? (h === 1 ? "ora" : "ore") : h === 1 ? "hour" : "hours"}`
    : `${h}h${m}`;
};

/** The `/tavoli convoca` modal; the tables offered are those the person organises. */
export function conveneModal(input: {
  lang: Lang;
  tables: { id: string; name: string }[];
  selectedTableId?: string;
  defaultDate: string;
}) {
  const t = T[input.lang];
  return modal({
    callbackId: VIEW.convene,
    title: t.title,
    submit: t.submit,
    close: t.close,
    blocks: [
      selectInput({
        id: FIELD.table,
        label: t.table,
        options: input.tables.map((table) => [table.name, table.id]),
        initial: input.selectedTableId ?? (input.tables.length === 1 ? input.tables[0]?.id : undefined),
      }),
      textInput({ id: FIELD.title, label: t.meetingTitle, maxLength: 200 }),
      dateInput(FIELD.date, t.date, input.defaultDate),
      timeInput(FIELD.time, t.time, "10:00"),
      selectInput({
        id: FIELD.duration,
        label: t.duration,
        options: DURATIONS.map((minutes) => [durationText(minutes, input.lang), String(minutes)]),
        initial: "120",
      }),
      radioInput({ id: FIELD.mode, label: t.mode, options: t.modes, initial: "ibrida" }),
      textInput({ id: FIELD.place, label: t.place, optional: true, hint: t.placeHint, maxLength: 300 }),
      radioInput({ id: FIELD.videoChoice, label: t.video, options: t.videoChoices, initial: "generate" }),
      textInput({ id: FIELD.videoUrl, label: t.videoUrl, optional: true, maxLength: 2000 }),
      textInput({ id: FIELD.agenda, label: t.agenda, multiline: true, optional: true, hint: t.agendaHint }),
    ],
  });
}
