import type { WebClient } from "@slack/web-api";
import type { Db } from "mongodb";
import type { Config, Ctx, EventBus, SlackConfig } from "../../server/src/index.ts";
import type { SlackCollections } from "./store.ts";

/** What every listener and notifier of the bot receives (built once in createSlackBot). */
export type BotDeps = {
  config: Config;
  slack: SlackConfig;
  /** The database, for the bot's own Slack-only collections (`store`); the domain is reached by use cases. */
  db: Db;
  bus: EventBus;
  now: () => Date;
  /** A context acting as no one: for resolving who acts, and for notices after an event. */
  system: () => Ctx;
  store: SlackCollections;
  /** A Web API client with the bot token of a workspace, or null if the workspace is not installed. */
  clientFor: (teamId: string) => Promise<WebClient | null>;
};
