import { deadlineNoticesJob } from "../deadlines/index.ts";
import { finishedDeliveriesPruner } from "../dispatch/index.ts";
import { expiredIdempotencyRecordsPruner } from "../idempotency/index.ts";
import { sentMailsPruner } from "../notifications/index.ts";
import { reminderHistoryPruner } from "../reminders/index.ts";
import type { PeriodicTask, Pruner } from "./housekeeping.ts";

/** The server's own pruners; main.ts adds the bot's (the server never imports the bot). */
export const serverPruners: readonly Pruner[] = [
  sentMailsPruner,
  finishedDeliveriesPruner,
  reminderHistoryPruner,
  expiredIdempotencyRecordsPruner,
];

/** The server's hourly tasks that are not clean-ups: the agreements' deadline events, once each. */
export const serverTasks: readonly PeriodicTask[] = [deadlineNoticesJob];
