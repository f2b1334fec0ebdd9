import { type Logger, WebClient } from "@slack/web-api";
import type { SlackConfig } from "../../server/src/index.ts";
import type { SlackCollections } from "./store.ts";

/**
 * Web API clients per bot token, pointed at `SLACK_API_URL`. One workspace → the configured token;
 * OAuth installs → the token stored for the team. The client honours 429 + Retry-After by waiting
 * and retrying (its default), which the tests check against the stand-in.
 */
export function slackClients(slack: SlackConfig, store: SlackCollections, logger: Logger) {
  const cache = new Map<string, WebClient>();
  const client = (token: string) => {
    let found = cache.get(token);
    if (!found) {
      found = new WebClient(token, { slackApiUrl: slack.apiUrl, logger, retryConfig: { retries: 3 } });
      cache.set(token, found);
    }
    return found;
  };
  return async (teamId: string): Promise<WebClient | null> => {
    if (slack.botToken) return client(slack.botToken);
    const installed = await store.installations.findOne({ _id: teamId });
    const token = installed?.installation.bot?.token;
    return token ? client(token) : null;
  };
}
