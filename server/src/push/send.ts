import type { Agent } from "node:https";
import { performance } from "node:perf_hooks";
import webpush from "web-push";
import type { Ctx } from "../shared/context.ts";
import { recordSubscriptionChange } from "./audit.ts";
import type { PushSubscriptionDoc } from "./documents.ts";
import { buildPayload, type PushReminder, topicFor } from "./payload.ts";
import type { VapidKeys } from "./vapid.ts";

/** What sending needs: a context (to drop dead subscriptions), the VAPID keys, and optionally the transport. */
export type PushDeps = {
  ctx: Ctx;
  vapid: VapidKeys;
  /** The https agent; production leaves the default, tests trust their push service stand-in's certificate. */
  agent?: Agent;
  /** Socket timeout of one request, in milliseconds (default 10 s): a silent push service is retried. */
  timeoutMs?: number;
};

/**
 * How one push went, for the caller to decide what next: `delivered` (the push service took it),
 * `gone` (the browser unsubscribed: the subscription is deleted), `retry` (rate-limited, push service
 * error or unreachable: try again, after `retryAfterMs` when the service said), `failed` (refused for
 * good: do not send this message again to this subscription).
 */
export type PushOutcome = {
  status: "delivered" | "gone" | "retry" | "failed";
  httpStatus?: number;
  retryAfterMs?: number;
  latencyMs: number;
  /** A short cause for the logs (an error code or message, never the payload). */
  reason?: string;
};

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Sends one reminder to one browser through its push service (RFC 8030), encrypted for it (RFC 8291)
 * and signed with the installation's VAPID key (RFC 8292). It lives until the sitting starts (`TTL`), is
 * `high` urgency for the last reminder, and carries the sitting's `Topic`, so a newer reminder replaces
 * one the service still holds. Never throws for what the push service or the network does.
 */
export async function sendPush(
  deps: PushDeps,
  subscription: Pick<PushSubscriptionDoc, "_id" | "endpoint" | "keys">,
  message: PushReminder,
): Promise<PushOutcome> {
  const payload = buildPayload(message);
  if (payload === null) return { status: "failed", latencyMs: 0, reason: "payload_too_large" };
  const ttl = Math.max(0, Math.floor((message.startsAt.getTime() - deps.ctx.now().getTime()) / 1000));
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await webpush.sendNotification(
      { endpoint: subscription.endpoint, keys: subscription.keys },
      payload,
      {
        vapidDetails: deps.vapid,
        TTL: ttl,
        urgency: message.last ? "high" : "normal",
        topic: topicFor(message.meetingId),
        timeout: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        ...(deps.agent ? { agent: deps.agent } : {}),
      },
    );
    return { status: "delivered", httpStatus: response.statusCode, latencyMs: elapsed() };
  } catch (error) {
    const latencyMs = elapsed();
    if (!(error instanceof webpush.WebPushError)) return unsent(error, latencyMs);
    const httpStatus = error.statusCode;
    if (httpStatus === 404 || httpStatus === 410) {
      await forget(deps.ctx, subscription);
      return { status: "gone", httpStatus, latencyMs };
    }
    if (httpStatus === 429 || httpStatus >= 500) {
      const retryAfterMs = retryAfter(error.headers["retry-after"]);
      return { status: "retry", httpStatus, latencyMs, ...(retryAfterMs === null ? {} : { retryAfterMs }) };
    }
    // 413 (too large), 400, 401/403 (a VAPID key the subscription was not made with): sending again cannot help.
    return { status: "failed", httpStatus, latencyMs };
  }
}

/**
 * No answer from the push service: a network error (a Node error code, a timeout) is worth retrying;
 * anything else is `web-push` refusing its input before sending, which retrying would not change.
 */
function unsent(error: unknown, latencyMs: number): PushOutcome {
  const code = (error as { code?: unknown })?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code === "string") return { status: "retry", latencyMs, reason: code };
  if (message === "Socket timeout") return { status: "retry", latencyMs, reason: "timeout" };
  return { status: "failed", latencyMs, reason: message.slice(0, 200) };
}

/** `Retry-After` (RFC 9110 §10.2.3: seconds, or an HTTP date) in milliseconds from now; null if absent or unreadable. */
function retryAfter(header: string | string[] | undefined): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/** The push service says the browser is gone: the subscription goes, audited on its person. */
async function forget(ctx: Ctx, subscription: Pick<PushSubscriptionDoc, "_id">): Promise<void> {
  const removed = await ctx.c.pushSubscriptions.findOneAndDelete({ _id: subscription._id });
  if (removed)
    await recordSubscriptionChange(ctx, removed.personId, "push_subscription.gone", {
      before: removed,
      after: null,
    });
}
