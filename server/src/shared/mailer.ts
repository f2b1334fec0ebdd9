import { type Db, ObjectId } from "mongodb";
import nodemailer from "nodemailer";
import { collections } from "./collections.ts";

/** An iCalendar object sent as the text/calendar alternative mail clients show as an invitation. */
export type MailInvite = { method: "REQUEST" | "CANCEL" | "PUBLISH"; filename: string; content: string };

export type Mail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  icalEvent?: MailInvite;
  /** `<…@…>`: the same for every repeat of one mail, so a repeat is recognisable (mail clients fold it). */
  messageId?: string;
};

/** Sends mail over SMTP, or (embedded default, no SMTP_URL) prints it and keeps it in the dev outbox. */
export type Mailer = { send: (mail: Mail) => Promise<void>; devOutbox: boolean };

/** Builds the mailer from settings; the dev outbox lives in MongoDB so any instance can show it. */
export function createMailer(options: {
  smtpUrl: string | undefined;
  from: string;
  db: Db;
  quiet?: boolean;
}): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      devOutbox: false,
      send: async (mail) => {
        // nodemailer's icalEvent adds the text/calendar part with its method, which Outlook, Gmail and
        // Thunderbird need to show an invitation rather than a plain attachment.
        await transport.sendMail({ from: options.from, ...mail });
      },
    };
  }
  const outbox = collections(options.db).outbox;
  return {
    devOutbox: true,
    send: async (mail) => {
      // The invitation is kept beside the text (an optional field of the stored mail) so it can be inspected.
      await outbox.insertOne({ _id: new ObjectId(), ...mail, createdAt: new Date() });
      const invite = mail.icalEvent ? ` [+ ${mail.icalEvent.filename}, METHOD:${mail.icalEvent.method}]` : "";
      if (!options.quiet) console.log(`[mail] to ${mail.to}: ${mail.subject}${invite}\n${mail.text}\n`);
    },
  };
}

/** An SMTP 5xx answer (nodemailer's `responseCode`): the server refused the message for good. */
export function refusedForGood(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

/** A mail server's refusal names the recipient: logs and delivery records keep the reason, never the address. */
export function withoutAddresses(text: string): string {
  return text.replace(/[^\s<>"']+@[^\s<>"']+/g, "<address>");
}
