// The reminders' public surface: preferences, the planner (a durable subscriber), the sender and its channels.
import type { Agent } from "node:https";
import type { VapidKeys } from "../push/index.ts";
import type { Ctx } from "../shared/context.ts";
import type { Mailer } from "../shared/mailer.ts";
import type { ReminderChannel } from "./channels.ts";
import { emailChannel } from "./email-channel.ts";
import { pushChannel } from "./push-channel.ts";

export { planUpcomingSittings } from "./backfill.ts";
export type { ChannelOutcome, ReminderChannel, ReminderMessage } from "./channels.ts";
export { describeLeadMinutes } from "./describe.ts";
export {
  eraseReminderOccurrencesOf,
  eraseReminderPreferencesOf,
  exportReminderPreferencesOf,
  exportRemindersSentTo,
} from "./personal-data.ts";
export { reminderPlannerSubscriber } from "./planner.ts";
export { reminderHistoryPruner } from "./prune.ts";
export { DEFAULT_REMINDER_PREFERENCES, getReminderPreferences, type ReminderPreferences } from "./queries.ts";
export {
  createReminderSender,
  type ReminderSender,
  type ReminderSenderOptions,
  SENDER_DEFAULTS,
} from "./sender.ts";
export { setReminderPreferences } from "./set-preferences.ts";

/**
 * The channels the server itself provides: Web Push and e-mail. main.ts adds the Slack bot's channel
 * to this list when Slack is configured (the server never imports the bot).
 */
export function defaultReminderChannels(deps: {
  ctx: Ctx;
  mailer: Mailer;
  vapid: VapidKeys;
  publicUrl: string;
  mailFrom: string;
  /** The https agent for push services (tests trust their stand-in's certificate with it). */
  pushAgent?: Agent;
}): ReminderChannel[] {
  return [
    pushChannel({ ctx: deps.ctx, vapid: deps.vapid, agent: deps.pushAgent }),
    emailChannel({ ctx: deps.ctx, mailer: deps.mailer, publicUrl: deps.publicUrl, mailFrom: deps.mailFrom }),
  ];
}
