import type { WebClient } from "@slack/web-api";
import type { Db } from "mongodb";
import type { Config, SlackConfig } from "../../server/src/config.ts";
import type { EventBus } from "../../server/src/shared/events.ts";
import type { SlackCollections } from "./store.ts";

/** What every listener and notifier of the bot receives (built once in createSlackBot). */
export type BotDeps = {
  config: Config;
  slack: SlackConfig;
  db: Db;
  bus: EventBus;
  now: () => Date;
  store: SlackCollections;
  /** A Web API client with the bot token of a workspace, or null if the workspace is not installed. */
  clientFor: (teamId: string) => Promise<WebClient | null>;
};
