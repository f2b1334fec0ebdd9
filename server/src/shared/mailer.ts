import { type Db, ObjectId } from "mongodb";
import nodemailer from "nodemailer";
import { collections } from "../db/collections.ts";

export type Mail = { to: string; subject: string; text: string; html: string };

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
        await transport.sendMail({ from: options.from, ...mail });
      },
    };
  }
  const outbox = collections(options.db).outbox;
  return {
    devOutbox: true,
    send: async (mail) => {
      await outbox.insertOne({ _id: new ObjectId(), ...mail, createdAt: new Date() });
      if (!options.quiet) console.log(`[mail] to ${mail.to}: ${mail.subject}\n${mail.text}\n`);
    },
  };
}
