import type { Db } from "mongodb";
import type { Config } from "../config.ts";
import type { EventBus } from "../shared/events.ts";
import type { Mailer } from "../shared/mailer.ts";

export { meetingMailSubscriber } from "./meeting-mail.ts";
export { contactsOf, noticeNames } from "./notice-facts.ts";
export { sentMailsPruner } from "./sent-mails.ts";
export { substitutionMailSubscriber } from "./substitution-mail.ts";

/** What the mail notifiers need; they are durable subscribers, registered in dispatch/subscribers.ts. */
export type NotifierDeps = { bus: EventBus; db: Db; mailer: Mailer; config: Config; now?: () => Date };
