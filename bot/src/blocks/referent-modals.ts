import type { Seat } from "../../../server/src/designations/index.ts";
import type { Lang } from "../i18n.ts";
import { FIELD, VIEW } from "../ids.ts";
import { checkboxesInput, modal, radioInput, selectInput, textInput } from "./inputs.ts";

const T = {
  it: {
    reportTitle: "Segnala criticità",
    contributionTitle: "Nuovo contributo",
    submit: "Invia",
    close: "Annulla",
    seat: "Tavolo · ente",
    title: "Titolo",
    description: "Descrizione",
    severity: "Gravità",
    severities: [
      ["Bassa", "bassa"],
      ["Media", "media"],
      ["Alta", "alta"],
    ] as [string, string][],
    confidential: "Riservatezza",
    confidentialOption: "Riservato: visibile solo al tavolo",
    kind: "Tipo",
    kinds: [
      ["Documento", "documento"],
      ["Buona pratica", "buona_pratica"],
      ["Dataset", "dataset"],
      ["Soluzione riusabile", "soluzione"],
      ["Commento", "commento"],
    ] as [string, string][],
    url: "Link (anche di un file condiviso in Slack)",
    urlHint: "Per un file caricato in Slack: menu ⋯ del file → Copia link. Facoltativo solo per i commenti.",
  },
  en: {
    reportTitle: "Report an issue",
    contributionTitle: "New contribution",
    submit: "Send",
    close: "Cancel",
    seat: "Table · organisation",
    title: "Title",
    description: "Description",
    severity: "Severity",
    severities: [
      ["Low", "bassa"],
      ["Medium", "media"],
      ["High", "alta"],
    ] as [string, string][],
    confidential: "Confidentiality",
    confidentialOption: "Confidential: visible to the table only",
    kind: "Kind",
    kinds: [
      ["Document", "documento"],
      ["Good practice", "buona_pratica"],
      ["Dataset", "dataset"],
      ["Reusable solution", "soluzione"],
      ["Comment", "commento"],
    ] as [string, string][],
    url: "Link (also of a file shared in Slack)",
    urlHint: "For a file uploaded to Slack: the file's ⋯ menu → Copy link. Optional for comments only.",
  },
} satisfies Record<Lang, unknown>;

/** Select value for a seat: which table, for which organisation. */
export const seatValue = (seat: Pick<Seat, "tableId" | "organisationId">) =>
  `${seat.tableId}:${seat.organisationId}`;

const seatSelect = (seats: Seat[], label: string, initial?: string) =>
  selectInput({
    id: FIELD.table,
    label,
    options: seats.map((s) => [`${s.tableName} · ${s.organisationName}`, seatValue(s)]),
    initial: initial ?? (seats.length === 1 && seats[0] ? seatValue(seats[0]) : undefined),
  });

/** `/tavoli segnala`: an issue report for one of my organisations at one of my tables. */
export function reportModal(input: { lang: Lang; seats: Seat[]; initialSeat?: string }) {
  const t = T[input.lang];
  return modal({
    callbackId: VIEW.report,
    title: t.reportTitle,
    submit: t.submit,
    close: t.close,
    blocks: [
      seatSelect(input.seats, t.seat, input.initialSeat),
      textInput({ id: FIELD.title, label: t.title, maxLength: 200 }),
      textInput({ id: FIELD.description, label: t.description, multiline: true, maxLength: 5000 }),
      radioInput({ id: FIELD.severity, label: t.severity, options: t.severities, initial: "media" }),
      checkboxesInput({
        id: FIELD.confidential,
        label: t.confidential,
        options: [[t.confidentialOption, "yes"]],
      }),
    ],
  });
}

/** `/tavoli contributo`: a document, practice, dataset, solution or comment brought to a table. */
export function contributionModal(input: {
  lang: Lang;
  seats: Seat[];
  initialSeat?: string;
  initialUrl?: string;
  initialTitle?: string;
}) {
  const t = T[input.lang];
  return modal({
    callbackId: VIEW.contribution,
    title: t.contributionTitle,
    submit: t.submit,
    close: t.close,
    blocks: [
      seatSelect(input.seats, t.seat, input.initialSeat),
      radioInput({ id: FIELD.kind, label: t.kind, options: t.kinds, initial: "documento" }),
      textInput({ id: FIELD.title, label: t.title, maxLength: 200, initial: input.initialTitle }),
      textInput({ id: FIELD.url, label: t.url, optional: true, hint: t.urlHint, initial: input.initialUrl }),
      textInput({
        id: FIELD.description,
        label: t.description,
        multiline: true,
        optional: true,
        maxLength: 5000,
      }),
      checkboxesInput({
        id: FIELD.confidential,
        label: t.confidential,
        options: [[t.confidentialOption, "yes"]],
      }),
    ],
  });
}
