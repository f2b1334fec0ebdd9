import { escapeHtml, linkify } from "../auth/html.ts";
import { meetingDetails } from "../calendar/describe.ts";
import { buildMeetingIcs } from "../calendar/ics.ts";
import type { Lang } from "../http/env.ts";
import type { MeetingDoc } from "../meetings/documents.ts";
import { describeSlot } from "../meetings/local-time.ts";
import type { Mail } from "../shared/mailer.ts";
import type { TableDoc } from "../tables/documents.ts";

/** Why a person hears about a sitting; `withdrawn`: a change means they are no longer convened. */
export type NoticeKind = "convened" | "rescheduled" | "updated" | "cancelled" | "delegate" | "withdrawn";

export type MeetingNotice = {
  kind: NoticeKind;
  meeting: MeetingDoc;
  table: TableDoc;
  person: { name: string; email: string; locale: Lang };
  /** The slot before a reschedule, to say where the sitting was. */
  previous?: { startsAt: Date; endsAt: Date } | null;
  reason?: string | null;
  /** Who named the delegate, for whom. */
  delegatedBy?: { name: string; organisation: string | null } | null;
  publicUrl: string;
  mailFrom: string;
  now: Date;
};

const TEXT = {
  it: {
    subject: {
      convened: "Convocazione",
      rescheduled: "Riunione spostata",
      updated: "Riunione aggiornata",
      cancelled: "Riunione annullata",
      delegate: "Convocazione su delega",
      withdrawn: "Convocazione revocata",
    },
    hello: (name: string) => `Buongiorno ${name},`,
    intro: {
      convened: (m: string, t: string) => `è convocata la riunione «${m}» del tavolo «${t}».`,
      rescheduled: (m: string, t: string) => `la riunione «${m}» del tavolo «${t}» è stata spostata.`,
      updated: (m: string, t: string) => `la riunione «${m}» del tavolo «${t}» è stata aggiornata.`,
      cancelled: (m: string, t: string) => `la riunione «${m}» del tavolo «${t}» è stata annullata.`,
      delegate: (m: string, t: string) =>
        `ti è stata affidata la delega per la riunione «${m}» del tavolo «${t}».`,
      withdrawn: (m: string, t: string) =>
        `non risulti più tra le persone convocate alla riunione «${m}» del tavolo «${t}»: l'evento viene tolto dal tuo calendario.`,
    },
    previously: (slot: string) => `In precedenza: ${slot}.`,
    reason: (reason: string) => `Motivo: ${reason}`,
    delegatedBy: (name: string, org: string | null) => `Delega di ${name}${org ? ` (${org})` : ""}.`,
    attached: "L'invito allegato aggiorna il tuo calendario.",
    footer: "Messaggio automatico di Tavoli: non rispondere a questa email.",
    filename: "invito.ics",
  },
  en: {
    subject: {
      convened: "Meeting convened",
      rescheduled: "Meeting moved",
      updated: "Meeting updated",
      cancelled: "Meeting cancelled",
      delegate: "Invitation as delegate",
      withdrawn: "Invitation withdrawn",
    },
    hello: (name: string) => `Hello ${name},`,
    intro: {
      convened: (m: string, t: string) => `the meeting “${m}” of the table “${t}” has been convened.`,
      rescheduled: (m: string, t: string) => `the meeting “${m}” of the table “${t}” has been moved.`,
      updated: (m: string, t: string) => `the meeting “${m}” of the table “${t}” has been updated.`,
      cancelled: (m: string, t: string) => `the meeting “${m}” of the table “${t}” has been cancelled.`,
      delegate: (m: string, t: string) =>
        `you have been named as delegate to the meeting “${m}” of the table “${t}”.`,
      withdrawn: (m: string, t: string) =>
        `you are no longer among the people convened to the meeting “${m}” of the table “${t}”: the event is removed from your calendar.`,
    },
    previously: (slot: string) => `Previously: ${slot}.`,
    reason: (reason: string) => `Reason: ${reason}`,
    delegatedBy: (name: string, org: string | null) => `Delegated by ${name}${org ? ` (${org})` : ""}.`,
    attached: "The attached invitation updates your calendar.",
    footer: "Automatic message from Tavoli: please do not reply to this email.",
    filename: "invite.ics",
  },
} satisfies Record<Lang, unknown>;

/**
 * The e-mail telling one person about a sitting, with the invitation (REQUEST, or CANCEL when it is
 * called off or no longer theirs) as the text/calendar part. Confidential items are only counted.
 */
export function meetingNoticeMail(notice: MeetingNotice): Mail {
  const { meeting, table, person } = notice;
  const lang = person.locale;
  const t = TEXT[lang];
  const method = notice.kind === "cancelled" || notice.kind === "withdrawn" ? "CANCEL" : "REQUEST";
  const showLink = method === "REQUEST";
  const slot = describeSlot(meeting.startsAt, meeting.endsAt, lang);
  const intro = [t.hello(person.name), "", t.intro[notice.kind](meeting.title, table.name)];
  if (notice.previous)
    intro.push(t.previously(describeSlot(notice.previous.startsAt, notice.previous.endsAt, lang)));
  if (notice.reason && notice.kind !== "cancelled") intro.push(t.reason(notice.reason));
  if (notice.delegatedBy) intro.push(t.delegatedBy(notice.delegatedBy.name, notice.delegatedBy.organisation));
  const details = meetingDetails(meeting, table, {
    lang,
    showLink,
    publicUrl: notice.publicUrl,
    now: notice.now,
  });
  const outro = [t.attached, t.footer];
  const ics = buildMeetingIcs(meeting, table, {
    method,
    showLink,
    attendees: [{ name: person.name, email: person.email }],
    lang,
    publicUrl: notice.publicUrl,
    mailFrom: notice.mailFrom,
    now: notice.now,
  });
  const paragraph = (lines: string[]) => `<p>${lines.map(linkify).join("<br>\n")}</p>`;
  return {
    to: person.email,
    subject: `${t.subject[notice.kind]}: ${table.name} – ${meeting.title}, ${slot}`,
    text: [...intro, "", ...details, "", ...outro, ""].join("\n"),
    html: [
      `<p>${escapeHtml(t.hello(person.name))}</p>`,
      paragraph(intro.slice(2)),
      ...splitParagraphs(details).map(paragraph),
      ...outro.map((line) => `<p>${escapeHtml(line)}</p>`),
    ].join("\n"),
    icalEvent: { method, filename: t.filename, content: ics },
  };
}

/** Blank lines separate paragraphs. */
function splitParagraphs(lines: string[]): string[][] {
  const groups: string[][] = [[]];
  for (const line of lines) {
    if (line === "") groups.push([]);
    else groups[groups.length - 1]?.push(line);
  }
  return groups.filter((group) => group.length > 0);
}
