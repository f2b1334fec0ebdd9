import type { Db } from "mongodb";
import { actionItemTrackerSubscriber } from "../action-items/subscriber.ts";
import { loginMailSubscriber } from "../auth/index.ts";
import type { Config } from "../config.ts";
import { meetingMailSubscriber, substitutionMailSubscriber } from "../notifications/index.ts";
import { reminderPlannerSubscriber } from "../reminders/index.ts";
import type { EventBus } from "../shared/events.ts";
import type { Mailer } from "../shared/mailer.ts";
import type { DispatchSubscriber } from "./subscriber.ts";

/**
 * The server's durable subscribers, in one list: who reacts to stored events through the dispatcher.
 * The Slack bot's join them in main.ts, which composes the two (the server never imports the bot).
 */
export function serverSubscribers(deps: {
  config: Config;
  db: Db;
  bus: EventBus;
  mailer: Mailer;
  now?: () => Date;
}): DispatchSubscriber[] {
  return [
    loginMailSubscriber({
      db: deps.db,
      bus: deps.bus,
      mailer: deps.mailer,
      publicUrl: deps.config.publicUrl,
      now: deps.now,
    }),
    reminderPlannerSubscriber({ db: deps.db, bus: deps.bus, now: deps.now }),
    meetingMailSubscriber(deps),
    substitutionMailSubscriber(deps),
    actionItemTrackerSubscriber({ db: deps.db, bus: deps.bus, now: deps.now }),
  ];
}
