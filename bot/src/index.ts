import { App, LogLevel } from "@slack/bolt";
import { ConsoleLogger } from "@slack/logger";
import { InstallProvider } from "@slack/oauth";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Db } from "mongodb";
import type { DispatchSubscriber } from "../../server/src/dispatch/index.ts";
import type { AppEnv } from "../../server/src/http/index.ts";
import { type Config, createCtx, type EventBus, type SlackConfig } from "../../server/src/index.ts";
import { registerActions } from "./actions/index.ts";
import { slackClients } from "./clients.ts";
import { registerCommands } from "./commands/index.ts";
import type { BotDeps } from "./deps.ts";
import { registerEvents } from "./events/index.ts";
import { HonoReceiver } from "./http/hono-receiver.ts";
import { identityLinkRoutes } from "./identity/link-page.ts";
import { slackSubscribers } from "./notify/index.ts";
import { mongoInstallationStore } from "./oauth/installation-store.ts";
import { oauthRoutes } from "./oauth/routes.ts";
import { registerShortcuts } from "./shortcuts/index.ts";
import { slackCollections } from "./store.ts";
import { registerViews } from "./views/index.ts";

export { createSlackReminderChannel } from "./notify/reminders.ts";
export { slackPruner } from "./prune.ts";
export { ensureSlackIndexes } from "./store.ts";

/** The running bot: its HTTP routes (main.ts mounts them on the API server) and, in Socket Mode, its connection. */
export type SlackBot = {
  mode: "http" | "socket";
  routes: Hono<AppEnv>;
  /** Its reactions to stored events: the composer (main.ts) hands them to the dispatcher with the server's. */
  subscribers: DispatchSubscriber[];
  /** Opens the Socket Mode connection (HTTP mode: nothing to do). */
  start(): Promise<void>;
  stop(): Promise<void>;
};

/** Slack payloads are small; anything bigger than this is not Slack. */
const MAX_SLACK_BODY = 1024 * 1024;

/**
 * Builds the Slack app when Slack is configured (null otherwise): a Bolt app whose listeners call the
 * same use cases as the API, served at /slack/events by our Hono server (or over Socket Mode), plus
 * the OAuth install flow, the identity-link page and the durable subscribers posting notices of domain events.
 */
export function createSlackBot(deps: {
  config: Config;
  db: Db;
  bus: EventBus;
  now?: () => Date;
}): SlackBot | null {
  const slack: SlackConfig | null = deps.config.slack;
  if (!slack) return null;
  const logger = new ConsoleLogger();
  logger.setLevel(deps.config.logRequests ? LogLevel.INFO : LogLevel.WARN);
  logger.setName("slack");
  const store = slackCollections(deps.db);
  const now = deps.now ?? (() => new Date());
  const botDeps: BotDeps = {
    config: deps.config,
    slack,
    db: deps.db,
    bus: deps.bus,
    now,
    system: () => createCtx({ db: deps.db, bus: deps.bus, now }),
    store,
    clientFor: slackClients(slack, store, logger),
  };
  const installer = slack.oauth
    ? new InstallProvider({
        ...slack.oauth,
        installationStore: mongoInstallationStore(store, now),
        authorizationUrl: undefined,
        clientOptions: { slackApiUrl: slack.apiUrl },
        logger,
      })
    : null;
  const socketMode = slack.appToken !== null;
  const receiver =
    !socketMode && slack.signingSecret
      ? new HonoReceiver({
          signingSecret: slack.signingSecret,
          requests: store.requests,
          onError: (error) => logger.error("listener failed", error),
        })
      : null;
  const app = new App({
    ...(receiver ? { receiver } : { socketMode: true, appToken: slack.appToken ?? "" }),
    ...(slack.botToken
      ? { token: slack.botToken }
      : { authorize: (source) => installerAuthorize(installer, source) }),
    clientOptions: { slackApiUrl: slack.apiUrl },
    logger,
  });
  app.error(async (error) => {
    logger.error("listener failed", error);
  });
  registerCommands(app, botDeps);
  registerActions(app, botDeps);
  registerViews(app, botDeps);
  registerEvents(app, botDeps);
  registerShortcuts(app, botDeps);

  const routes = new Hono<AppEnv>();
  if (receiver) {
    routes.post(
      "/slack/events",
      bodyLimit({ maxSize: MAX_SLACK_BODY, onError: (c) => c.json({ error: "payload_too_large" }, 413) }),
      (c) => receiver.handle(c),
    );
  }
  if (installer) routes.route("/", oauthRoutes(installer, deps.config.publicUrl) as never);
  routes.route("/", identityLinkRoutes(botDeps));
  return {
    mode: socketMode ? "socket" : "http",
    routes,
    subscribers: slackSubscribers(botDeps),
    start: async () => {
      if (socketMode) await app.start();
    },
    stop: async () => {
      if (socketMode) await app.stop();
    },
  };
}

function installerAuthorize(
  installer: InstallProvider | null,
  source: Parameters<InstallProvider["authorize"]>[0],
) {
  if (!installer) throw new Error("Slack: no bot token and no OAuth installer configured");
  return installer.authorize(source);
}
