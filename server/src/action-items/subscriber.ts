import { type Db, ObjectId } from "mongodb";
import { type DispatchSubscriber, defineSubscriber } from "../dispatch/subscriber.ts";
import { createCtx } from "../shared/context.ts";
import type { EventBus } from "../shared/events.ts";
import { trackApprovedMinutes } from "./track.ts";

/**
 * Tracks the action items of minutes when they are approved: a durable subscriber (registered in
 * dispatch/subscribers.ts), so a crash or an outage delays the tracking and never loses it; at least once,
 * and trackApprovedMinutes is idempotent.
 */
export function actionItemTrackerSubscriber(deps: {
  db: Db;
  bus: EventBus;
  now?: () => Date;
}): DispatchSubscriber {
  return defineSubscriber({
    name: "action-item-tracker",
    types: ["minutes.approved"],
    async handle(event) {
      const ctx = createCtx({ db: deps.db, bus: deps.bus, now: deps.now });
      await trackApprovedMinutes({ ctx, input: { minutesId: new ObjectId(event.payload.minutesId) } });
    },
  });
}
