import type { Agent } from "node:https";
import { ObjectId } from "mongodb";
import { type PushOutcome, pushSubscriptionsOf, sendPush, type VapidKeys } from "../push/index.ts";
import { rsvpActionsFor } from "../rsvp-actions/index.ts";
import type { Ctx } from "../shared/context.ts";
import type { ChannelOutcome, ReminderChannel } from "./channels.ts";
import { reminderTexts } from "./texts.ts";

/** Within this long of the start a reminder is the last one: sent with high urgency. */
const LAST_WITHIN_MS = 60 * 60_000;

/**
 * Web Push to every browser the person allowed it on. Delivered when one push service took it; retried
 * when none did but one may later; `unreachable` with no subscription left (none, or all gone), so the
 * sender falls back to e-mail.
 */
export function pushChannel(deps: { ctx: Ctx; vapid: VapidKeys; agent?: Agent }): ReminderChannel {
  return {
    name: "push",
    async send({ personId, message }) {
      const subscriptions = await pushSubscriptionsOf(deps.ctx, personId);
      if (subscriptions.length === 0) return { status: "unreachable", detail: "no push subscription" };
      const texts = reminderTexts(message);
      const untilStart = message.startsAt.getTime() - deps.ctx.now().getTime();
      const reminder = {
        meetingId: message.meetingId,
        title: texts.pushTitle,
        body: texts.pushBody,
        startsAt: message.startsAt,
        url: message.url,
        last: message.kind === "cancelled" || untilStart <= LAST_WITHIN_MS,
        // "Partecipo" / "Da remoto" straight from the notification, while the person may still answer.
        actions: message.answerableUntil
          ? await rsvpActionsFor(deps.ctx, {
              personId,
              meetingId: ObjectId.createFromHexString(message.meetingId),
              until: message.answerableUntil,
              lang: message.lang,
            })
          : undefined,
      };
      const outcomes: PushOutcome[] = [];
      for (const subscription of subscriptions)
        outcomes.push(
          await sendPush({ ctx: deps.ctx, vapid: deps.vapid, agent: deps.agent }, subscription, reminder),
        );
      return combine(outcomes);
    },
  };
}

/** One outcome for all the person's browsers. */
function combine(outcomes: PushOutcome[]): ChannelOutcome {
  const detail = outcomes
    .map((o) => `${o.status}${o.httpStatus ? ` ${o.httpStatus}` : ""}${o.reason ? ` ${o.reason}` : ""}`)
    .join(", ");
  if (outcomes.some((o) => o.status === "delivered")) return { status: "delivered", detail };
  const retries = outcomes.filter((o) => o.status === "retry");
  if (retries.length > 0) {
    const waits = retries.map((o) => o.retryAfterMs).filter((ms): ms is number => ms !== undefined);
    return { status: "retry", detail, ...(waits.length ? { retryAfterMs: Math.max(...waits) } : {}) };
  }
  if (outcomes.every((o) => o.status === "gone")) return { status: "unreachable", detail };
  return { status: "failed", detail };
}
