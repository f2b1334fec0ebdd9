import { deadlineNoticesJob } from "../deadlines/index.ts";
import { finishedDeliveriesPruner } from "../dispatch/index.ts";
import { expiredIdempotencyRecordsPruner } from "../idempotency/index.ts";
import { sentMailsPruner } from "../notifications/index.ts";
import { reminderHistoryPruner } from "../reminders/index.ts";
import type { Pruner } from "./housekeeping.ts";

/** The server's own pruners; main.ts adds the bot's (the server never imports the bot). */
export const serverPruners: readonly Pruner[] = [
  sentMailsPruner,
  finishedDeliveriesPruner,
  reminderHistoryPruner,
  expiredIdempotencyRecordsPruner,
  // Not a clean-up: emits agreement deadlines' reminder events, once each, on the same hourly run.
  deadlineNoticesJob,
];
