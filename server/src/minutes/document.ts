import { inRome } from "../meetings/local-time.ts";
import type { PresentedMinutes } from "./present.ts";

/** 2026-04-30 → 30/04/2026 */
const italianDate = (iso: string) => iso.slice(0, 10).split("-").reverse().join("/");

/**
 * The minutes as the blocks every export prints (PDF and ODT alike, so neither can hold what the other
 * does not): exactly what the viewer may see, as `presentMinutes` filtered it (DOMAIN rule 10).
 */
export type MinutesBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string; muted?: boolean }
  | { kind: "list"; items: string[] }
  | { kind: "table"; headers: string[]; rows: string[][] };

export function minutesDocument(m: PresentedMinutes) {
  const status =
    m.status === "approvato" && m.approvedAt
      ? `approvato il ${italianDate(m.approvedAt)}`
      : m.status === "in_revisione"
        ? "in revisione"
        : "bozza";
  const blocks: MinutesBlock[] = [{ kind: "heading", text: "Presenti" }];
  blocks.push(
    m.attendees.length
      ? {
          kind: "table",
          headers: ["Nome", "Ente", "Modalità", "Note"],
          rows: m.attendees.map((a) => [
            a.name,
            a.organisationName ?? "",
            a.mode === "presenza" ? "in presenza" : "da remoto",
            [...(a.arrivedLate ? ["in ritardo"] : []), ...(a.leftEarly ? ["uscita anticipata"] : [])].join(
              ", ",
            ),
          ]),
        }
      : { kind: "paragraph", text: "Nessuna presenza registrata.", muted: true },
  );
  blocks.push({ kind: "heading", text: "Ordine del giorno" });
  for (const item of m.items) {
    blocks.push({
      kind: "paragraph",
      text: `${item.position}. ${item.title}${item.confidential ? " (riservato)" : ""}`,
    });
    blocks.push({ kind: "paragraph", text: item.summary || "Nessuna sintesi.", muted: !item.summary });
  }
  if (m.items.length === 0) blocks.push({ kind: "paragraph", text: "Nessun punto.", muted: true });
  if (m.hiddenItems > 0)
    blocks.push({ kind: "paragraph", text: `Punti riservati non mostrati: ${m.hiddenItems}.`, muted: true });
  blocks.push({ kind: "heading", text: "Decisioni" });
  blocks.push(
    m.decisions.length
      ? { kind: "list", items: m.decisions.map((d, i) => `${i + 1}. ${d.text}`) }
      : { kind: "paragraph", text: "Nessuna decisione.", muted: true },
  );
  blocks.push({ kind: "heading", text: "Azioni" });
  blocks.push(
    m.actionItems.length
      ? {
          kind: "table",
          headers: ["Azione", "Chi", "Entro il"],
          rows: m.actionItems.map((a) => [a.what, a.who.text, a.due ? italianDate(a.due) : ""]),
        }
      : { kind: "paragraph", text: "Nessuna azione.", muted: true },
  );
  if (m.notes) blocks.push({ kind: "heading", text: "Note" }, { kind: "paragraph", text: m.notes });
  return {
    title: `Verbale della seduta «${m.meeting.title}»`,
    lines: [
      `Tavolo: ${m.meeting.tableName}`,
      `Seduta: ${inRome(new Date(m.meeting.startsAt)).setLocale("it").toFormat("cccc d LLLL yyyy, 'ore' HH:mm")}`,
      `Stato: ${status} (versione ${m.version})`,
    ],
    blocks,
  };
}

/** The download's ASCII file name: verbale-2026-03-24-<meetingId>.<ext> */
export function minutesFileName(m: PresentedMinutes, extension: string): string {
  return `verbale-${inRome(new Date(m.meeting.startsAt)).toISODate()}-${m.meetingId}.${extension}`;
}
