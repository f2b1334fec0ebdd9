import { daysBefore, type Pruner } from "../housekeeping/index.ts";
import { reminderCollections } from "./documents.ts";

/** Occurrences settled for sittings long past are of no use to the planner or the sender. */
const OCCURRENCE_KEEP_DAYS = 90;
/** What was sent to a person stays in their history (`GET /people/me/notifications`) for a year. */
const DELIVERY_KEEP_DAYS = 365;

export const reminderHistoryPruner: Pruner = {
  name: "reminders",
  async prune(db, now) {
    const c = reminderCollections(db);
    const occurrences = await c.reminderOccurrences.deleteMany({
      state: { $in: ["sent", "dropped", "skipped", "failed"] },
      scheduledFor: { $lt: daysBefore(now, OCCURRENCE_KEEP_DAYS) },
    });
    const deliveries = await c.reminderDeliveries.deleteMany({
      at: { $lt: daysBefore(now, DELIVERY_KEEP_DAYS) },
    });
    return occurrences.deletedCount + deliveries.deletedCount;
  },
};
