import { ObjectId } from "mongodb";
import { escapeHtml } from "../auth/html.ts";
import { isErased } from "../calendar/feed.ts";
import { buildMeetingIcs } from "../calendar/ics.ts";
import { findMeeting } from "../meetings/queries.ts";
import { findPerson } from "../people/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { type Mail, type Mailer, refusedForGood, withoutAddresses } from "../shared/mailer.ts";
import { findTable } from "../tables/queries.ts";
import type { ReminderChannel, ReminderMessage } from "./channels.ts";
import { reminderTexts } from "./texts.ts";

/**
 * E-mail, with the sitting's invitation attached as the invitation mails do (CANCEL for a cancelled
 * one), so a calendar that missed the convocation still gets the event. SMTP accepting the mail is the
 * confirmation; an SMTP error is retried.
 */
export function emailChannel(deps: {
  ctx: Ctx;
  mailer: Mailer;
  publicUrl: string;
  mailFrom: string;
}): ReminderChannel {
  return {
    name: "email",
    async send({ personId, message }) {
      const person = await findPerson(deps.ctx, personId);
      if (!person || isErased(person)) return { status: "unreachable", detail: "no address" };
      const meeting = await findMeeting(deps.ctx, new ObjectId(message.meetingId));
      const table = meeting && (await findTable(deps.ctx, meeting.tableId));
      if (!meeting || !table) return { status: "failed", detail: "sitting not found" };
      const method = message.kind === "cancelled" ? "CANCEL" : "REQUEST";
      const ics = buildMeetingIcs(meeting, table, {
        method,
        showLink: method === "REQUEST",
        attendees: [{ name: person.name, email: person.email }],
        lang: message.lang,
        publicUrl: deps.publicUrl,
        mailFrom: deps.mailFrom,
        now: deps.ctx.now(),
      });
      try {
        await deps.mailer.send({
          ...reminderMail(message, { name: person.name, email: person.email }),
          icalEvent: { method, filename: reminderTexts(message).filename, content: ics },
        });
        return { status: "delivered" };
      } catch (error) {
        // A 5xx (no such mailbox) will not change: failed at once. Anything else may pass later.
        return {
          status: refusedForGood(error) ? "failed" : "retry",
          detail: withoutAddresses(error instanceof Error ? error.message : String(error)).slice(0, 200),
        };
      }
    },
  };
}

/** The reminder's text and HTML, in the person's language (no attachment). */
export function reminderMail(message: ReminderMessage, person: { name: string; email: string }): Mail {
  const t = reminderTexts(message);
  const link = (label: string) => `${label}: ${message.url}`;
  const actions = [
    t.answer ? link(t.answer) : null,
    message.kind === "cancelled" ? null : link(t.open),
  ].filter((line): line is string => line !== null);
  const anchor = (label: string) => `<p><a href="${escapeHtml(message.url)}">${escapeHtml(label)}</a></p>`;
  return {
    to: person.email,
    subject: t.subject,
    text: [t.hello(person.name), "", t.intro, "", ...actions, "", t.footer, ""].join("\n"),
    html: [
      `<p>${escapeHtml(t.hello(person.name))}</p>`,
      `<p>${escapeHtml(t.intro)}</p>`,
      ...(t.answer ? [anchor(t.answer)] : []),
      ...(message.kind === "cancelled" ? [] : [anchor(t.open)]),
      `<p>${escapeHtml(t.footer)}</p>`,
    ].join("\n"),
  };
}
