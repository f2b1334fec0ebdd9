import type { Db } from "mongodb";
import type { Config } from "../config.ts";
import type { EventBus } from "../shared/events.ts";
import type { Mailer } from "../shared/mailer.ts";
import { subscribeMeetingMail } from "./meeting-mail.ts";
import { subscribeSubstitutionMail } from "./substitution-mail.ts";

export { contactsOf, noticeNames } from "./notice-facts.ts";
export { backgroundQueue } from "./queue.ts";

export type NotifierDeps = { bus: EventBus; db: Db; mailer: Mailer; config: Config; now?: () => Date };

/** Subscribes every notifier (mail invites, later Slack and push) to the domain events they react to. */
export function subscribeNotifiers(deps: NotifierDeps): void {
  subscribeMeetingMail(deps);
  subscribeSubstitutionMail(deps);
}
