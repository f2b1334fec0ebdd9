import { Hono } from "hono";
import { listAgreements } from "../agreements/queries.ts";
import { mayServeDevOutbox } from "../auth/dev-outbox-guard.ts";
import { escapeHtml, page } from "../auth/html.ts";
import type { AppEnv, Lang } from "../http/env.ts";
import { staticFile } from "../http/static-file.ts";

const TEXT = {
  it: {
    title: "Tavoli",
    intro: "Tavoli di lavoro degli accordi intercomunali per la transizione digitale.",
    signedIn: (name: string) => `Accesso effettuato come <strong>${escapeHtml(name)}</strong>.`,
    signedOut: "Per accedere, inserire l'indirizzo email: arriverà un link valido 15 minuti.",
    send: "Invia il link di accesso",
    agreements: "Accordi",
    docs: "Documentazione dell'API",
    outbox: "Posta di sviluppo (link di accesso)",
    sent: "Se l'indirizzo è registrato, il link è in arrivo.",
  },
  en: {
    title: "Tavoli",
    intro: "Working tables of inter-municipal digital-transformation agreements.",
    signedIn: (name: string) => `Signed in as <strong>${escapeHtml(name)}</strong>.`,
    signedOut: "To sign in, enter your email address: a link valid for 15 minutes will arrive.",
    send: "Send the login link",
    agreements: "Agreements",
    docs: "API documentation",
    outbox: "Development mail (login links)",
    sent: "If the address is registered, the link is on its way.",
  },
} satisfies Record<Lang, unknown>;

const LOGIN_SCRIPT_PATH = "/assets/login-form.js";

/** The landing page until the PWA arrives: who is signed in, the agreements, and where to go next. */
export function homeRoutes() {
  const router = new Hono<AppEnv>();
  router.route("/", staticFile(LOGIN_SCRIPT_PATH, new URL("./login-form.js", import.meta.url), "js"));
  router.get("/", async (c) => {
    const lang = c.get("lang");
    const t = TEXT[lang];
    const ctx = c.get("ctx");
    const { items } = await listAgreements({ ctx, input: { limit: 50 } });
    const agreements = items
      .map(
        (a) =>
          `<li><a href="/api/v1/agreements/${a._id.toHexString()}">${escapeHtml(a.shortName)}</a> — ${escapeHtml(a.title)}</li>`,
      )
      .join("");
    const who = ctx.actor
      ? `<p>${t.signedIn(ctx.actor.name)}</p>`
      : `<p>${t.signedOut}</p><form id="login" data-sent="${escapeHtml(t.sent)}"><input name="email" type="email" required autocomplete="email" aria-label="email"> <button>${t.send}</button></form>`;
    const outbox = mayServeDevOutbox(c) ? `<li><a href="/dev/outbox">${t.outbox}</a></li>` : "";
    const body = `<p>${t.intro}</p>${who}<h2>${t.agreements}</h2><ul>${agreements}</ul><ul><li><a href="/api/docs">${t.docs}</a></li>${outbox}</ul>`;
    const script = ctx.actor ? undefined : LOGIN_SCRIPT_PATH;
    return c.html(page({ lang, title: t.title, body, script }));
  });
  return router;
}
