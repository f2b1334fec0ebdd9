import { daysBefore, type Pruner } from "../housekeeping/index.ts";
import { dispatchCollections } from "./documents.ts";

/** Done deliveries are kept a month for `GET /admin/deliveries` and for latency figures; dead ones stay. */
const DONE_KEEP_DAYS = 30;

export const finishedDeliveriesPruner: Pruner = {
  name: "deliveries",
  prune: async (db, now) =>
    (
      await dispatchCollections(db).deliveries.deleteMany({
        state: "done",
        doneAt: { $lt: daysBefore(now, DONE_KEEP_DAYS) },
      })
    ).deletedCount,
};
