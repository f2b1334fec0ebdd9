import { ConsoleLogger, LogLevel } from "@slack/logger";
import { ErrorCode, type Logger, type WebClient } from "@slack/web-api";
import { type Db, ObjectId } from "mongodb";
import { type ChatAccountDoc, chatAccountsOf } from "../../../server/src/chat/index.ts";
import {
  type Config,
  type Ctx,
  createCtx,
  type EventBus,
  isDuplicateKey,
} from "../../../server/src/index.ts";
import type {
  ChannelOutcome,
  ReminderChannel,
  ReminderMessage,
} from "../../../server/src/reminders/index.ts";
import { reminderMessage } from "../blocks/reminder.ts";
import { type ClientPolicy, slackClients } from "../clients.ts";
import { langFromLocale } from "../i18n.ts";
import { type SlackCollections, slackCollections } from "../store.ts";

/**
 * The reminder sender schedules its own retries, so its Slack calls must hand a 429 back at once (with
 * Retry-After) rather than wait it out inside the client (the listeners' clients wait and retry, up to
 * minutes), and never hang on a silent network.
 */
export const REMINDER_CLIENT_POLICY: ClientPolicy = {
  retryConfig: { retries: 0 },
  rejectRateLimitedCalls: true,
  timeout: 10_000,
};

/** Slack errors that say "not now" rather than "never": the attempt is worth repeating. */
const TRANSIENT = new Set([
  "ratelimited",
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
]);

/** A posted reminder is remembered this long after the sitting starts (no attempt comes later); housekeeping removes it then. */
const KEEP_AFTER_START_MS = 24 * 60 * 60 * 1000;

export type SlackReminderDeps = {
  /** A context acting as no one, for the chat feature's lookups. */
  system: () => Ctx;
  store: SlackCollections;
  /** A client per workspace with REMINDER_CLIENT_POLICY, or null if the workspace is not installed. */
  clientFor: (teamId: string) => Promise<WebClient | null>;
  now: () => Date;
  logger: Logger;
};

/**
 * The reminder channel over Slack, for the server's reminder sender (main.ts composes it): null when
 * Slack is not configured. Each workspace's own bot token is used in multi-workspace installs.
 */
export function createSlackReminderChannel(deps: {
  config: Config;
  db: Db;
  bus: EventBus;
  now?: () => Date;
}): ReminderChannel | null {
  const slack = deps.config.slack;
  if (!slack) return null;
  const logger = new ConsoleLogger();
  logger.setLevel(deps.config.logRequests ? LogLevel.INFO : LogLevel.WARN);
  logger.setName("slack-reminders");
  const store = slackCollections(deps.db);
  const now = deps.now ?? (() => new Date());
  return slackReminderChannel({
    system: () => createCtx({ db: deps.db, bus: deps.bus, now }),
    store,
    clientFor: slackClients(slack, store, logger, REMINDER_CLIENT_POLICY),
    now,
    logger,
  });
}

/**
 * A reminder as a direct message to each Slack account linked to the person (`conversations.open`, then
 * `chat.postMessage`), in English when that account's Slack speaks English, Italian otherwise. Slack
 * has no idempotency key: an account the occurrence (`key`) already reached is found by one indexed
 * read and skipped, and each post is recorded once Slack has acknowledged it.
 */
export function slackReminderChannel(deps: SlackReminderDeps): ReminderChannel {
  return {
    name: "slack",
    async send({ personId, message, key, firstAttempt }) {
      let links: ChatAccountDoc[];
      let reached: Set<string>;
      try {
        links = await chatAccountsOf({ ctx: deps.system(), input: { personIds: [personId] } });
        if (links.length === 0) return { status: "unreachable" };
        // On a first attempt nothing can have been posted under this key yet.
        const posts = firstAttempt
          ? []
          : await deps.store.reminderPosts.find({ key }, { projection: { teamId: 1, userId: 1 } }).toArray();
        reached = new Set(posts.map((post) => accountKey(post)));
      } catch (error) {
        return { status: "retry", detail: `database: ${messageOf(error)}` };
      }
      const outcomes: ChannelOutcome[] = [];
      for (const link of links) {
        outcomes.push(
          reached.has(accountKey(link))
            ? { status: "delivered", detail: "already_posted" }
            : await postTo(deps, link, message, key),
        );
      }
      return combine(outcomes);
    },
  };
}

const accountKey = (account: { teamId: string; userId: string }) => `${account.teamId}:${account.userId}`;

async function postTo(
  deps: SlackReminderDeps,
  link: ChatAccountDoc,
  message: ReminderMessage,
  key: string,
): Promise<ChannelOutcome> {
  let posted: { channelId: string; ts: string };
  try {
    const client = await deps.clientFor(link.teamId);
    if (!client) return { status: "unreachable", detail: "workspace_not_installed" };
    const opened = await client.conversations.open({ users: link.userId });
    const channelId = opened.channel?.id;
    if (!channelId) return { status: "failed", detail: "no_dm_channel" };
    const lang = link.locale ? langFromLocale(link.locale) : message.lang;
    const result = await client.chat.postMessage({
      channel: channelId,
      ...reminderMessage({ message, lang }),
    });
    posted = { channelId, ts: result.ts ?? "" };
  } catch (error) {
    return outcomeOfError(error);
  }
  // Slack has the message: whatever happens to the record, this attempt delivered.
  const now = deps.now();
  const keepUntil = Math.max(message.startsAt.getTime(), now.getTime()) + KEEP_AFTER_START_MS;
  try {
    await deps.store.reminderPosts.insertOne({
      _id: new ObjectId(),
      key,
      teamId: link.teamId,
      userId: link.userId,
      ...posted,
      postedAt: now,
      expiresAt: new Date(keepUntil),
    });
  } catch (error) {
    if (!isDuplicateKey(error)) deps.logger.warn(`reminder ${key} posted but not recorded`, error);
  }
  return { status: "delivered" };
}

/** One Slack failure → the outcome the sender acts on (`detail` is Slack's error code). */
function outcomeOfError(error: unknown): ChannelOutcome {
  const e = error as { code?: unknown; retryAfter?: number; statusCode?: number; data?: { error?: string } };
  switch (e.code) {
    case ErrorCode.RateLimitedError:
      return { status: "retry", retryAfterMs: (e.retryAfter ?? 0) * 1000, detail: "ratelimited" };
    case ErrorCode.PlatformError: {
      const slackError = e.data?.error ?? "unknown_error";
      return { status: TRANSIENT.has(slackError) ? "retry" : "failed", detail: slackError };
    }
    case ErrorCode.HTTPError: {
      const status = e.statusCode ?? 0;
      return { status: status >= 500 ? "retry" : "failed", detail: `http_${status}` };
    }
    default:
      // Network errors, timeouts, a 429 without Retry-After: worth another attempt.
      return { status: "retry", detail: messageOf(error) };
  }
}

/**
 * The person's outcome over all their accounts: any account worth retrying makes the attempt a retry
 * (the accounts already reached are skipped next time); otherwise one delivery is enough.
 */
function combine(outcomes: ChannelOutcome[]): ChannelOutcome {
  const retries = outcomes.filter((o) => o.status === "retry");
  if (retries.length > 0) {
    const delays = retries.flatMap((o) => (o.retryAfterMs === undefined ? [] : [o.retryAfterMs]));
    return {
      status: "retry",
      ...(delays.length > 0 ? { retryAfterMs: Math.max(...delays) } : {}),
      ...details(retries),
    };
  }
  const delivered = outcomes.find((o) => o.status === "delivered");
  if (delivered) return delivered;
  const failures = outcomes.filter((o) => o.status === "failed");
  if (failures.length > 0) return { status: "failed", ...details(failures) };
  return { status: "unreachable", ...details(outcomes) };
}

/** The outcomes' distinct details as one `detail`, or nothing when none has one. */
function details(outcomes: ChannelOutcome[]): { detail?: string } {
  const detail = [...new Set(outcomes.flatMap((o) => (o.detail ? [o.detail] : [])))].join(", ");
  return detail ? { detail } : {};
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
