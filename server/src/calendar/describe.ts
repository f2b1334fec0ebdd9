import type { Lang } from "../http/env.ts";
import type { MeetingDoc } from "../meetings/documents.ts";
import { describeInstant, describeSlot } from "../meetings/local-time.ts";
import type { TableDoc } from "../tables/documents.ts";

const WORDS = {
  it: {
    table: "Tavolo",
    when: "Quando",
    zone: "ora italiana",
    mode: "Modalità",
    modes: {
      in_presenza: "in presenza",
      online: "da remoto (audio-video)",
      ibrida: "ibrida (in presenza e da remoto)",
    },
    online: "Da remoto",
    place: "Luogo",
    link: "Collegamento",
    linkHidden: "riservato alle persone convocate, su Tavoli",
    agenda: "Ordine del giorno",
    confidential: (n: number) =>
      n === 1 ? "1 punto riservato: consultare Tavoli" : `${n} punti riservati: consultare Tavoli`,
    cancelled: "RIUNIONE ANNULLATA",
    reason: "Motivo",
    rsvpBy: (when: string) => `Conferma la partecipazione su Tavoli entro ${when}.`,
    inTavoli: "Su Tavoli",
  },
  en: {
    table: "Table",
    when: "When",
    zone: "Italian time",
    mode: "Mode",
    modes: {
      in_presenza: "in person",
      online: "online (audio-video)",
      ibrida: "hybrid (in person and online)",
    },
    online: "Online",
    place: "Place",
    link: "Join link",
    linkHidden: "shown to the people convened, in Tavoli",
    agenda: "Agenda",
    confidential: (n: number) =>
      n === 1 ? "1 confidential item: see Tavoli" : `${n} confidential items: see Tavoli`,
    cancelled: "MEETING CANCELLED",
    reason: "Reason",
    rsvpBy: (when: string) => `Please confirm your attendance in Tavoli by ${when}.`,
    inTavoli: "In Tavoli",
  },
};

/** A person's stored locale as a supported language (Italian unless they chose English). */
export function langOf(locale: unknown): Lang {
  return locale === "en" ? "en" : "it";
}

/** What a calendar entry or a notice may show: the link only to the people convened. */
export type DetailOptions = { lang: Lang; showLink: boolean; publicUrl: string; now: Date };

/** "WP1 Servizi digitali: Seduta ordinaria", the title calendars show. */
export function meetingSummary(meeting: MeetingDoc, table: TableDoc): string {
  return `${table.name}: ${meeting.title}`;
}

function placeText(meeting: MeetingDoc): string | null {
  return meeting.place && [meeting.place.address, meeting.place.room].filter(Boolean).join(", ");
}

/** "Via Roma 1, Sala 3 / https://meet…": the place and, for the people convened, the link. */
export function meetingLocation(meeting: MeetingDoc, options: DetailOptions): string | null {
  const place = placeText(meeting);
  const link = options.showLink ? (meeting.videoLink?.url ?? null) : null;
  const parts = [place, link].filter((part): part is string => !!part);
  if (parts.length === 0 && meeting.mode !== "in_presenza") return WORDS[options.lang].online;
  return parts.length ? parts.join(" / ") : null;
}

/**
 * The details of a sitting as plain-text lines, for calendar descriptions and e-mails. Confidential
 * agenda items are only counted, never named (DOMAIN rule 10: invitations get forwarded); the items
 * shown keep their numbers in Tavoli so everyone refers to the same point.
 */
export function meetingDetails(meeting: MeetingDoc, table: TableDoc, options: DetailOptions): string[] {
  const w = WORDS[options.lang];
  const lines: string[] = [];
  if (meeting.status === "cancelled") {
    lines.push(w.cancelled);
    if (meeting.cancellation?.reason) lines.push(`${w.reason}: ${meeting.cancellation.reason}`);
    lines.push("");
  }
  lines.push(`${w.table}: ${table.name}`);
  lines.push(`${w.when}: ${describeSlot(meeting.startsAt, meeting.endsAt, options.lang)} (${w.zone})`);
  lines.push(`${w.mode}: ${w.modes[meeting.mode]}`);
  const place = placeText(meeting);
  if (place) lines.push(`${w.place}: ${place}`);
  if (meeting.videoLink) lines.push(`${w.link}: ${options.showLink ? meeting.videoLink.url : w.linkHidden}`);
  const shown = meeting.agenda
    .map((item, index) => ({ item, position: index + 1 }))
    .filter(({ item }) => !item.confidential);
  const hidden = meeting.agenda.length - shown.length;
  if (meeting.agenda.length > 0) {
    lines.push("", `${w.agenda}:`);
    for (const { item, position } of shown)
      lines.push(`${position}. ${item.title}${item.presenter ? ` (${item.presenter})` : ""}`);
    if (hidden > 0) lines.push(w.confidential(hidden));
  }
  lines.push("");
  const deadline = meeting.rsvpDeadline ?? meeting.startsAt;
  if (meeting.status === "convened" && deadline > options.now)
    lines.push(w.rsvpBy(describeInstant(deadline, options.lang)));
  lines.push(`${w.inTavoli}: ${options.publicUrl}/`);
  return lines;
}
