import type { IncomingMessage, ServerResponse } from "node:http";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import type { InstallProvider } from "@slack/oauth";
import { Hono } from "hono";
import { escapeHtml, page } from "../../../server/src/auth/index.ts";
import { type AppEnv, CONTENT_SECURITY_POLICY } from "../../../server/src/http/index.ts";
import { BOT_SCOPES } from "./scopes.ts";

type NodeBindings = { incoming?: IncomingMessage; outgoing?: ServerResponse };

const TEXT = {
  it: {
    done: "Tavoli è installato nello spazio di lavoro",
    next: "Ora, nel canale di ciascun tavolo, un coordinatore scriva /tavoli collega <nome del tavolo>.",
    failed: "Installazione non riuscita",
    retry: "Riprovare dall'inizio; se il problema continua, avvisare l'amministratore di Tavoli.",
  },
  en: {
    done: "Tavoli is installed in the workspace",
    next: "Now, in each table's channel, a coordinator types /tavoli link <table name>.",
    failed: "Installation failed",
    retry: "Start again; if it persists, tell Tavoli's administrator.",
  },
};

/**
 * The multi-workspace install flow of @slack/oauth, on our Hono server: `/slack/install` sets the
 * state cookie and sends the admin to Slack; `/slack/oauth_redirect` verifies the state, exchanges the
 * code (`oauth.v2.access`) and stores the installation in MongoDB. The library wants Node's
 * request/response objects, which @hono/node-server hands over as bindings.
 */
export function oauthRoutes(installer: InstallProvider, publicUrl: string) {
  const routes = new Hono<AppEnv & { Bindings: NodeBindings }>();
  const redirectUri = `${publicUrl}/slack/oauth_redirect`;
  const installOptions = { scopes: [...BOT_SCOPES], redirectUri };

  routes.get("/slack/install", async (c) => {
    const { incoming, outgoing } = c.env;
    if (!incoming || !outgoing) return c.text("Node server required", 500);
    // The library writes its page straight to Node's response, past Hono's headers: set the policy here.
    outgoing.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    await installer.handleInstallPath(incoming, outgoing, {}, installOptions);
    return RESPONSE_ALREADY_SENT;
  });

  routes.get("/slack/oauth_redirect", async (c) => {
    const { incoming, outgoing } = c.env;
    if (!incoming || !outgoing) return c.text("Node server required", 500);
    const lang = c.get("lang");
    const t = TEXT[lang];
    outgoing.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    await installer.handleCallback(
      incoming,
      outgoing,
      {
        success: (installation, _options, _req, res) => {
          const team = installation.team?.name ?? installation.enterprise?.name ?? "";
          res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
          res.end(page({ lang, title: `${t.done} ${team}`, body: `<p>${escapeHtml(t.next)}</p>` }));
        },
        failure: (error, _options, _req, res) => {
          console.error("[slack] installation failed", error.code, error.message);
          res.writeHead(400, { "content-type": "text/html; charset=utf-8" });
          res.end(page({ lang, title: t.failed, body: `<p>${escapeHtml(t.retry)}</p>` }));
        },
      },
      installOptions,
    );
    return RESPONSE_ALREADY_SENT;
  });
  return routes;
}
