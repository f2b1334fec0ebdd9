import { DateTime } from "luxon";
import { escapeHtml } from "../auth/html.ts";
import type { Lang } from "../http/env.ts";
import type { Mail } from "../shared/mailer.ts";

/** What one person of the table is told about a referent's substitution (names only, no contact data). */
export type SubstitutionNotice = {
  person: { name: string; email: string; locale: Lang };
  table: string;
  organisation: string;
  previous: string;
  next: string;
  /** First day of the new referent (YYYY-MM-DD). */
  from: string;
  /** Where Tavoli is, to look the table up. */
  publicUrl: string;
};

const TEXT = {
  it: {
    subject: (org: string, table: string) => `Sostituzione del referente: ${org} – ${table}`,
    hello: (name: string) => `Buongiorno ${name},`,
    body: (n: SubstitutionNotice, day: string) =>
      `${n.organisation} ha sostituito ${n.previous} con ${n.next} come referente al tavolo «${n.table}» dal giorno ${day}.`,
    more: (url: string) => `Referenti e tavoli su Tavoli: ${url}`,
    footer: "Messaggio automatico di Tavoli: non rispondere a questa email.",
    locale: "it",
  },
  en: {
    subject: (org: string, table: string) => `Referent replaced: ${org} – ${table}`,
    hello: (name: string) => `Hello ${name},`,
    body: (n: SubstitutionNotice, day: string) =>
      `${n.organisation} has replaced ${n.previous} with ${n.next} as its referent on the table “${n.table}” from ${day}.`,
    more: (url: string) => `Referents and tables on Tavoli: ${url}`,
    footer: "Automatic message from Tavoli: please do not reply to this email.",
    locale: "en-GB",
  },
} satisfies Record<Lang, unknown>;

/** DOMAIN rule 3, "giving due evidence to the other participants": the e-mail for one of them. */
export function substitutionNoticeMail(notice: SubstitutionNotice): Mail {
  const t = TEXT[notice.person.locale];
  const day = DateTime.fromISO(notice.from, { zone: "Europe/Rome" })
    .setLocale(t.locale)
    .toFormat("d LLLL yyyy");
  const lines = [t.body(notice, day), t.more(notice.publicUrl)];
  return {
    to: notice.person.email,
    subject: t.subject(notice.organisation, notice.table),
    text: [t.hello(notice.person.name), "", ...lines, "", t.footer, ""].join("\n"),
    html: [t.hello(notice.person.name), ...lines, t.footer]
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .join("\n"),
  };
}
