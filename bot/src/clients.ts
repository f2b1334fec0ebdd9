import { type Logger, WebClient, type WebClientOptions } from "@slack/web-api";
import type { SlackConfig } from "../../server/src/index.ts";
import type { SlackCollections } from "./store.ts";

/** How a client retries: the listeners' default waits out a 429's Retry-After and tries again. */
export type ClientPolicy = Pick<WebClientOptions, "retryConfig" | "rejectRateLimitedCalls" | "timeout">;

const LISTENER_POLICY: ClientPolicy = { retryConfig: { retries: 3 } };

/**
 * Web API clients per bot token, pointed at `SLACK_API_URL`. One workspace → the configured token;
 * OAuth installs → the token stored for the team. By default the client honours 429 + Retry-After by
 * waiting and retrying, which the tests check against the stand-in; a caller that schedules its own
 * retries (the reminder channel) passes a policy that hands the 429 back instead.
 */
export function slackClients(
  slack: SlackConfig,
  store: SlackCollections,
  logger: Logger,
  policy: ClientPolicy = LISTENER_POLICY,
) {
  const cache = new Map<string, WebClient>();
  const client = (token: string) => {
    let found = cache.get(token);
    if (!found) {
      found = new WebClient(token, { slackApiUrl: slack.apiUrl, logger, ...policy });
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
