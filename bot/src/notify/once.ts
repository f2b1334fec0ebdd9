import type { ChatPostMessageArguments } from "@slack/web-api";
import { PermanentFailure } from "../../../server/src/dispatch/index.ts";
import { isDuplicateKey } from "../../../server/src/index.ts";
import type { BotDeps } from "../deps.ts";

/**
 * Posts one message of a notice once, however often the dispatcher delivers its event (at least once):
 * `key` names the message (`<event id>:<what>:<where>`), recorded in `slackSent` right after Slack took it;
 * a key already there is skipped. Only a process dying between Slack's answer and the record can repeat
 * a post. A workspace no longer installed is skipped (nothing to post with).
 */
export async function postOnce(
  deps: BotDeps,
  input: { key: string; teamId: string; message: ChatPostMessageArguments },
): Promise<void> {
  if (await deps.store.sent.findOne({ _id: input.key }, { projection: { _id: 1 } })) return;
  const client = await deps.clientFor(input.teamId);
  if (!client) return;
  await client.chat.postMessage(input.message);
  await deps.store.sent.insertOne({ _id: input.key, sentAt: deps.now() }).catch((error: unknown) => {
    if (!isDuplicateKey(error)) throw error;
  });
}

/** Slack's answers that no retry can change: the channel, the person or the token are gone, or the message. */
const FOR_GOOD = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "account_inactive",
  "invalid_auth",
  "token_revoked",
  "not_authed",
  "user_not_found",
  "cannot_dm_bot",
  "message_not_found",
  "cant_update_message",
  "edit_window_closed",
  "msg_too_long",
  "invalid_blocks",
  "missing_scope",
  "restricted_action",
]);

function forGood(error: unknown): boolean {
  if (error instanceof PermanentFailure) return true;
  const data = (error as { code?: unknown; data?: { error?: unknown } } | null) ?? {};
  return data.code === "slack_webapi_platform_error" && FOR_GOOD.has(String(data.data?.error));
}

/**
 * Runs every step of a notice (one per channel or person), so one failing does not keep the others from
 * being told; then fails with them all: retried (the steps already done are skipped or harmless) while
 * one may pass, dead at once (`PermanentFailure`) when each is one of Slack's answers for good.
 */
export async function everyStep(steps: readonly (() => Promise<void>)[]): Promise<void> {
  const failures: unknown[] = [];
  for (const step of steps) await step().catch((error: unknown) => failures.push(error));
  if (failures.length === 0) return;
  const summary = `${failures.length} of ${steps.length} Slack steps failed: ${failures.map(describe).join("; ")}`;
  if (failures.every(forGood)) throw new PermanentFailure(summary);
  throw new Error(summary);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
