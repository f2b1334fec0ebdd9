import { type Db, ObjectId } from "mongodb";
import { type DispatchSubscriber, defineSubscriber } from "../dispatch/subscriber.ts";
import { findPerson } from "../people/queries.ts";
import { createCtx } from "../shared/context.ts";
import type { EventBus } from "../shared/events.ts";
import type { Mail, Mailer } from "../shared/mailer.ts";
import { escapeHtml } from "./html.ts";
import { issueLoginLink, LOGIN_LINK_REQUESTED, LOGIN_LINK_TTL_MS } from "./login-links.ts";

/** The login-link email in the person's language (Italian unless they chose English). */
export function loginMail(input: { to: string; name: string; url: string; locale: "it" | "en" }): Mail {
  const en = input.locale === "en";
  const subject = en ? "Your Tavoli login link" : "Il tuo link di accesso a Tavoli";
  const lines = en
    ? [`Hello ${input.name},`, "", "to log in to Tavoli open this link (valid for 15 minutes, usable once):"]
    : [
        `Buongiorno ${input.name},`,
        "",
        "per accedere a Tavoli apri questo link (valido 15 minuti, utilizzabile una volta):",
      ];
  const ignore = en
    ? "If you did not ask to log in, ignore this email."
    : "Se non hai chiesto di accedere, ignora questa email.";
  const text = [...lines, "", input.url, "", ignore, ""].join("\n");
  const html = [
    ...lines.filter(Boolean).map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(input.url)}">${escapeHtml(input.url)}</a></p>`,
    `<p>${escapeHtml(ignore)}</p>`,
  ].join("\n");
  return { to: input.to, subject, text, html };
}

/**
 * Mails the login link a person asked for (`POST /auth/login-links`), from the stored request, through
 * the durable dispatcher: a crash or an SMTP failure delays the mail (retried with backoff) instead of
 * losing it. The link is issued here, at delivery, so its token exists only in the mail; the event
 * carries nothing but the person's id. Idempotent as the dispatcher asks: a repeated delivery mails a
 * second link, each one valid and single-use. A request older than a link's lifetime is dropped (the
 * person has asked again or given up), and so is one for a person erased meanwhile.
 */
export function loginMailSubscriber(deps: {
  db: Db;
  bus: EventBus;
  mailer: Mailer;
  publicUrl: string;
  now?: () => Date;
}): DispatchSubscriber {
  return defineSubscriber({
    name: "login-mail",
    types: [LOGIN_LINK_REQUESTED],
    async handle(event) {
      const ctx = createCtx({ db: deps.db, bus: deps.bus, now: deps.now });
      if (ctx.now().getTime() - event.at.getTime() > LOGIN_LINK_TTL_MS) return;
      const person = await findPerson(ctx, new ObjectId(event.payload.personId));
      if (!person || person.erasedAt) return;
      const url = await issueLoginLink({ ctx, input: { personId: person._id, publicUrl: deps.publicUrl } });
      await deps.mailer.send(loginMail({ to: person.email, name: person.name, url, locale: person.locale }));
    },
  });
}
