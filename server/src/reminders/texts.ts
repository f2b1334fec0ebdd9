import { describeInstant } from "../meetings/local-time.ts";
import type { ReminderMessage } from "./channels.ts";
import { describeLeadMinutes } from "./describe.ts";

const TEXT = {
  it: {
    prefix: { before: "Promemoria", confirm: "Conferma la tua presenza", cancelled: "Annullata" },
    hello: (name: string) => `Buongiorno ${name},`,
    before: (m: string, t: string, when: string) =>
      `ti ricordiamo la riunione «${m}» del tavolo «${t}»: ${when}.`,
    confirm: (m: string, t: string, when: string) =>
      `non hai ancora risposto alla convocazione della riunione «${m}» del tavolo «${t}» (${when}): conferma la tua presenza, da remoto o l'assenza.`,
    cancelled: (m: string, t: string, when: string) =>
      `la riunione «${m}» del tavolo «${t}» prevista ${when} è stata annullata: non ti arriveranno altri promemoria.`,
    answer: "Conferma la tua presenza",
    open: "Apri la riunione",
    footer: "Promemoria automatico di Tavoli: puoi cambiare quando e come riceverli nelle tue preferenze.",
    filename: "invito.ics",
  },
  en: {
    prefix: { before: "Reminder", confirm: "Please confirm your attendance", cancelled: "Cancelled" },
    hello: (name: string) => `Hello ${name},`,
    before: (m: string, t: string, when: string) =>
      `a reminder of the meeting “${m}” of the table “${t}”: ${when}.`,
    confirm: (m: string, t: string, when: string) =>
      `you have not answered the invitation to the meeting “${m}” of the table “${t}” (${when}) yet: please say whether you will attend, remotely, or not.`,
    cancelled: (m: string, t: string, when: string) =>
      `the meeting “${m}” of the table “${t}” planned for ${when} has been cancelled: no further reminders will follow.`,
    answer: "Please confirm your attendance",
    open: "Open the meeting",
    footer: "Automatic reminder from Tavoli: you can change when and how you get them in your preferences.",
    filename: "invite.ics",
  },
} as const;

/** The words of a reminder in its language, times in Europe/Rome; shared by push and e-mail. */
export function reminderTexts(message: ReminderMessage) {
  const t = TEXT[message.lang];
  const when = describeInstant(message.startsAt, message.lang);
  const headline = `${message.tableName} – ${message.title}, ${when}`;
  const lead =
    message.kind === "before" && message.leadMinutes !== null
      ? ` (${describeLeadMinutes(message.leadMinutes, message.lang)})`
      : "";
  const answer = message.rsvpOpen && message.kind !== "cancelled" ? t.answer : null;
  return {
    /** "Promemoria: Tavolo – Seduta, martedì 24 marzo 2026, 10:00" */
    subject: `${t.prefix[message.kind]}: ${headline}`,
    pushTitle: `${t.prefix[message.kind]}: ${message.title}`,
    pushBody: [`${message.tableName} · ${when}${lead}`, answer].filter(Boolean).join(" · "),
    hello: t.hello,
    intro: t[message.kind](message.title, message.tableName, when),
    answer,
    open: t.open,
    footer: t.footer,
    filename: t.filename,
  };
}
