import { Hono } from "hono";
import { ObjectId } from "mongodb";
import { authenticate, escapeHtml, page } from "../../../server/src/auth/index.ts";
import { type AppEnv, staticFile } from "../../../server/src/http/index.ts";
import { AppError } from "../../../server/src/index.ts";
import type { BotDeps } from "../deps.ts";
import { redeemIdentityLink } from "./link-tokens.ts";

const LINK_SCRIPT_PATH = "/slack/link.js";

const TEXT = {
  it: {
    title: "Collega Slack a Tavoli",
    signIn: "Prima accedi a Tavoli (ti arriva un link per email), poi riapri questo link da Slack.",
    home: "Vai all'accesso",
    confirm: (name: string) =>
      `Collegare il tuo account Slack alla persona ${name}? Dopo, il bot ti riconoscerà.`,
    button: "Collega",
    done: "Fatto: il tuo account Slack è collegato. Torna su Slack e riprova il comando.",
    invalid:
      "Link non valido, già usato o scaduto: in Slack scrivi di nuovo /tavoli per riceverne uno nuovo.",
  },
  en: {
    title: "Link Slack to Tavoli",
    signIn: "First log in to Tavoli (a link arrives by e-mail), then open this link from Slack again.",
    home: "Go to login",
    confirm: (name: string) => `Link your Slack account to ${name}? The bot will then recognise you.`,
    button: "Link",
    done: "Done: your Slack account is linked. Go back to Slack and try the command again.",
    invalid: "Invalid, used or expired link: type /tavoli in Slack again to get a new one.",
  },
};

/**
 * The one-time identity link (for people whose Slack e-mail differs from Tavoli's): opened while
 * logged in to Tavoli, a button confirms it. GET only shows the button, so link scanners cannot use it.
 */
export function identityLinkRoutes(deps: BotDeps) {
  const routes = new Hono<AppEnv>();
  routes.route("/", staticFile(LINK_SCRIPT_PATH, new URL("./link-button.js", import.meta.url), "js"));
  routes.use("/slack/link", authenticate({ bus: deps.bus, now: deps.now }));
  routes.get("/slack/link", (c) => {
    const lang = c.get("lang");
    const t = TEXT[lang];
    const auth = c.get("auth");
    const actor = c.get("ctx").actor;
    c.header("Cache-Control", "no-store");
    if (auth?.via !== "session" || !actor) {
      return c.html(
        page({
          lang,
          title: t.title,
          body: `<p>${escapeHtml(t.signIn)}</p><p><a href="/">${escapeHtml(t.home)}</a></p>`,
        }),
      );
    }
    const token = c.req.query("token") ?? "";
    // Everything the button's script needs travels as escaped attributes: no script text is built here.
    const data = { token, csrf: auth.csrfToken, done: t.done, invalid: t.invalid };
    const attributes = Object.entries(data)
      .map(([name, value]) => ` data-${name}="${escapeHtml(value)}"`)
      .join("");
    const body = `<p>${escapeHtml(t.confirm(actor.name))}</p><button id="link" type="button"${attributes}>${escapeHtml(t.button)}</button>`;
    return c.html(page({ lang, title: t.title, body, script: LINK_SCRIPT_PATH }));
  });
  routes.post("/slack/link", async (c) => {
    const actor = c.get("ctx").actor;
    if (!actor) throw new AppError("unauthenticated");
    const body = (await c.req.json().catch(() => ({}))) as { token?: unknown };
    const token = typeof body.token === "string" && body.token.length <= 200 ? body.token : "";
    const linked = token
      ? await redeemIdentityLink(deps, { token, personId: new ObjectId(actor.personId) })
      : null;
    if (!linked) throw new AppError("link_invalid");
    return c.json({ linked: true, teamId: linked.teamId, userId: linked.userId });
  });
  return routes;
}
