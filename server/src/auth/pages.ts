import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv, Lang } from "../http/env.ts";
import { staticFile } from "../http/static-file.ts";
import { AppError, errorCatalogue } from "../shared/errors.ts";
import { setSessionCookie } from "./cookies.ts";
import { mayServeDevOutbox } from "./dev-outbox-guard.ts";
import { escapeHtml, linkify, PAGE_CSS_PATH, page } from "./html.ts";
import { listOutbox } from "./outbox.ts";
import { isCrossSiteRequest } from "./same-origin.ts";
import { startSession } from "./start-session.ts";

const TEXT = {
  it: {
    title: "Accesso a Tavoli",
    prompt: "Premere il pulsante per completare l'accesso.",
    button: "Accedi",
    retry: "Torna alla pagina iniziale per richiedere un nuovo link.",
    outbox: "Email di sviluppo",
    outboxIntro: "Ultime 50 email inviate da questa installazione (nessun server SMTP configurato).",
    empty: "Nessuna email.",
    to: "A",
  },
  en: {
    title: "Log in to Tavoli",
    prompt: "Press the button to complete the login.",
    button: "Log in",
    retry: "Go back to the home page to request a new link.",
    outbox: "Development email",
    outboxIntro: "Latest 50 emails sent by this installation (no SMTP server configured).",
    empty: "No email.",
    to: "To",
  },
} as const;

/** The login page's refusal: the catalogue's message, its stable code, and the way back. */
function refusedPage(lang: Lang, code: "link_invalid" | "cross_site_request"): string {
  const t = TEXT[lang];
  const message = errorCatalogue[code][lang];
  return page({
    lang,
    title: t.title,
    body: `<p data-code="${code}">${escapeHtml(message)}</p>\n<p><a href="/">${escapeHtml(t.retry)}</a></p>`,
  });
}

/** Browser pages: the login-link landing page, the dev outbox and the pages' stylesheet. */
export function authPages() {
  const pages = new Hono<AppEnv>();
  pages.route("/", staticFile(PAGE_CSS_PATH, new URL("./page.css", import.meta.url), "css"));
  pages.use("/auth/*", async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  });

  // GET only shows a button: mail scanners that prefetch links must not burn the single-use token.
  pages.get("/auth/verify", (c) => {
    const lang = c.get("lang");
    const token = c.req.query("token") ?? "";
    if (!token) return c.html(refusedPage(lang, "link_invalid"), 400);
    const t = TEXT[lang];
    const form = `<p>${escapeHtml(t.prompt)}</p>
<form method="post" action="/auth/verify">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<button type="submit">${escapeHtml(t.button)}</button>
</form>`;
    return c.html(page({ lang, title: t.title, body: form }));
  });

  pages.post(
    "/auth/verify",
    bodyLimit({
      maxSize: 4096,
      onError: () => {
        throw new AppError("payload_too_large");
      },
    }),
    async (c) => {
      const lang = c.get("lang");
      // Login CSRF: another site's form must not sign this browser in (as whoever owns the token).
      if (isCrossSiteRequest(c)) {
        return c.html(refusedPage(lang, "cross_site_request"), errorCatalogue.cross_site_request.status);
      }
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const token = typeof form.token === "string" ? form.token : "";
      try {
        if (!token || token.length > 200) throw new AppError("link_invalid");
        const input = { token, ttlMs: c.get("config").sessionTtlMs };
        const { sessionId } = await startSession({ ctx: c.get("ctx"), input });
        setSessionCookie(c, sessionId);
        return c.redirect("/", 303);
      } catch (error) {
        if (error instanceof AppError && error.code === "link_invalid")
          return c.html(refusedPage(lang, "link_invalid"), 400);
        throw error;
      }
    },
  );

  pages.get("/dev/outbox", async (c) => {
    if (!mayServeDevOutbox(c)) throw new AppError("route_not_found");
    const lang = c.get("lang");
    const t = TEXT[lang];
    const mails = await listOutbox({ ctx: c.get("ctx"), input: { limit: 50 } });
    const items = mails.map(
      (mail) => `<article>
<h2>${escapeHtml(mail.subject)}</h2>
<p>${escapeHtml(t.to)}: ${escapeHtml(mail.to)} · <time datetime="${mail.createdAt.toISOString()}">${escapeHtml(
        mail.createdAt.toLocaleString(lang === "en" ? "en-GB" : "it-IT", { timeZone: "Europe/Rome" }),
      )}</time></p>
<pre>${linkify(mail.text)}</pre>
</article>`,
    );
    const body = `<p>${escapeHtml(t.outboxIntro)}</p>\n${items.join("\n") || `<p>${escapeHtml(t.empty)}</p>`}`;
    c.header("Cache-Control", "no-store");
    return c.html(page({ lang, title: t.outbox, body }));
  });
  return pages;
}
