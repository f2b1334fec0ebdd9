import type { Mail } from "../shared/mailer.ts";
import { escapeHtml } from "./html.ts";

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
