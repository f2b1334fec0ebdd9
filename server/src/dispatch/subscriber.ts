import { type DomainEvent, domainEventOf, type EventType } from "../events.ts";
import type { StoredEvent } from "../shared/events.ts";

// biome-ignore lint/suspicious/noConfusingVoidType: a handler is a plain async function that returns nothing when done
type Outcome = Promise<void | { retryAfterMs?: number }>;

/**
 * Reacts to stored events of some types, durably: each event of those types reaches `handle` at least
 * once, after a crash or a failure too, in stream order (`<entity>:<id>`, by `seq`) per subscriber.
 *
 * At least once means sometimes twice (an instance that dies mid-handler is retaken when its lease
 * expires), so **`handle` must be idempotent**: harmless when repeated for the same `event.id`, or
 * checking what it already did. It must finish within the dispatcher's lease (`leaseMs`): past it the
 * attempt counts as failed and another instance may run it again.
 *
 * Outcome: resolving means done; returning `{ retryAfterMs }` asks to be called again after that long
 * (e.g. the far side said 429 Retry-After); throwing is a failure retried with exponential backoff up to
 * `maxAttempts`, then the delivery is dead (listed at `GET /admin/deliveries?state=dead`, retried by an
 * admin); throwing `PermanentFailure` makes it dead at once (retrying cannot help).
 */
export type Subscriber<T extends EventType = EventType> = {
  /** Stable and unique: deliveries are stored under it (renaming one orphans its pending deliveries). */
  name: string;
  /** The event types it handles, e.g. `meeting.convened`: from the catalogue (`server/src/events.ts`). */
  types: readonly T[];
  /** Handed only events of `types`, typed by the catalogue. `attempt` counts from 1. */
  handle(event: DomainEvent<T>, attempt: number): Outcome;
};

/**
 * A subscriber as the dispatcher runs it: stored events of the types it names, envelopes unchecked.
 * Features write a `Subscriber` and register `defineSubscriber(…)`; the dispatcher's own tests write
 * these directly, on synthetic types.
 */
export type DispatchSubscriber = {
  name: string;
  types: readonly string[];
  handle(event: StoredEvent, attempt: number): Outcome;
};

/**
 * Registers a subscriber typed by the catalogue: `handle` receives the events of `types` as the
 * catalogue's `DomainEvent`s, each payload checked against its schema first. One that does not fit
 * (a record older than its schema) fails permanently: retrying cannot make it fit.
 */
export function defineSubscriber<const T extends EventType>(subscriber: Subscriber<T>): DispatchSubscriber {
  return {
    name: subscriber.name,
    types: subscriber.types,
    handle(stored, attempt) {
      const event = domainEventOf(stored, subscriber.types);
      if (typeof event === "string") throw new PermanentFailure(event);
      return subscriber.handle(event, attempt);
    },
  };
}

/** Thrown by a handler when retrying cannot help (the addressee is gone, the input is invalid): dead at once. */
export class PermanentFailure extends Error {
  override name = "PermanentFailure";
}
