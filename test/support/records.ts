import type { Collections } from "../../server/src/shared/collections.ts";
import type { StoredEvent } from "../../server/src/shared/events.ts";
import { eventOf } from "../../server/src/shared/record.ts";

/** The domain events as stored: the event part of every audit record that carries one, in stored order. */
export async function storedEvents(c: Collections): Promise<StoredEvent[]> {
  const records = await c.audit
    .find({ type: { $ne: null } })
    .sort({ _id: 1 })
    .toArray();
  return records.flatMap((record) => eventOf(record) ?? []);
}

/** How many domain events are stored (to prove a refused request stored none). */
export function countStoredEvents(c: Collections): Promise<number> {
  return c.audit.countDocuments({ type: { $ne: null } });
}
