import type { DomainEvent } from "../shared/events.ts";

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
export type Subscriber = {
  /** Stable and unique: deliveries are stored under it (renaming one orphans its pending deliveries). */
  name: string;
  /** The event types it handles, e.g. `meeting.convened`. */
  types: readonly string[];
  /** `attempt` counts from 1. */
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler is a plain async function that returns nothing when done
  handle(event: DomainEvent, attempt: number): Promise<void | { retryAfterMs?: number }>;
};

/** Thrown by a handler when retrying cannot help (the addressee is gone, the input is invalid): dead at once. */
export class PermanentFailure extends Error {
  override name = "PermanentFailure";
}
