import { inRome } from "../meetings/local-time.ts";
import type { PresentedMinutes } from "./present.ts";

const STATUS_LABEL = { bozza: "bozza", in_revisione: "in revisione", approvato: "approvato" } as const;

/** One line of text: inner line breaks would break the list or heading it sits in. */
const inline = (text: string) => text.replace(/\s+/g, " ").trim();

/** A paragraph as written, but no line may turn into a heading of the document's own structure. */
const block = (text: string) => text.replace(/^(\s*)#/gm, "$1\\#");

/** 2026-04-30 → 30/04/2026 */
const italianDate = (iso: string) => iso.split("-").reverse().join("/");

const romeDateTime = (iso: string) =>
  inRome(new Date(iso)).setLocale("it").toFormat("cccc d LLLL yyyy, 'ore' HH:mm");

function attendeeLine(a: PresentedMinutes["attendees"][number]): string {
  const marks = [
    a.mode === "presenza" ? "in presenza" : "da remoto",
    ...(a.arrivedLate ? ["in ritardo"] : []),
    ...(a.leftEarly ? ["uscita anticipata"] : []),
  ];
  const organisation = a.organisationName ? ` (${inline(a.organisationName)})` : "";
  return `- ${inline(a.name)}${organisation}: ${marks.join(", ")}`;
}

/**
 * The minutes as Markdown (an open format, DOMAIN rule 12), with Italian headings: Presenti, Ordine del
 * giorno, Decisioni, Azioni. Renders exactly what the viewer may see (confidential items filtered).
 */
export function renderMinutesMarkdown(m: PresentedMinutes): string {
  const status =
    m.status === "approvato" && m.approvedAt
      ? `approvato il ${italianDate(m.approvedAt.slice(0, 10))}`
      : STATUS_LABEL[m.status];
  const lines = [
    `# Verbale: ${inline(m.meeting.title)}`,
    "",
    `- Tavolo: ${inline(m.meeting.tableName)}`,
    `- Seduta: ${romeDateTime(m.meeting.startsAt)}`,
    `- Stato: ${status} (versione ${m.version})`,
    "",
    "## Presenti",
    "",
    ...(m.attendees.length ? m.attendees.map(attendeeLine) : ["Nessuna presenza registrata."]),
    "",
    "## Ordine del giorno",
    "",
  ];
  for (const item of m.items) {
    lines.push(`### ${item.position}. ${inline(item.title)}${item.confidential ? " (riservato)" : ""}`, "");
    lines.push(item.summary ? block(item.summary) : "_Nessuna sintesi._", "");
  }
  if (m.items.length === 0) lines.push("Nessun punto.", "");
  if (m.hiddenItems > 0) lines.push(`_Punti riservati non mostrati: ${m.hiddenItems}._`, "");
  lines.push("## Decisioni", "");
  if (m.decisions.length === 0) lines.push("Nessuna decisione.");
  m.decisions.forEach((d, index) => {
    lines.push(`${index + 1}. ${inline(d.text)}`);
  });
  lines.push("", "## Azioni", "");
  if (m.actionItems.length === 0) lines.push("Nessuna azione.");
  for (const a of m.actionItems) {
    const due = a.due ? `, entro il ${italianDate(a.due)}` : "";
    lines.push(`- ${inline(a.what)} (chi: ${inline(a.who.text)}${due})`);
  }
  if (m.notes) lines.push("", "## Note", "", block(m.notes));
  return `${lines.join("\n")}\n`;
}
