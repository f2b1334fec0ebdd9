import type { Db } from "mongodb";
import { dispatchCollections } from "./documents.ts";

/** The dispatch feature's indexes (idempotent; db/indexes.ts runs it and says what an index may not be). */
export async function ensureDispatchIndexes(db: Db): Promise<void> {
  const c = dispatchCollections(db);
  await Promise.all([
    // One delivery per record and subscriber (a second fan-out is refused), and a delivery's
    // predecessors in its stream for the same subscriber (per-stream order).
    c.deliveries.createIndex({ stream: 1, subscriber: 1, seq: 1 }, { unique: true }),
    // Claims: pending ones that are due, running ones whose lease expired; the admin lists by state.
    c.deliveries.createIndex({ state: 1, dueAt: 1 }),
  ]);
}
