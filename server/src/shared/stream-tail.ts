import type { Collection, Document, Filter } from "mongodb";

/** Streams whose last number this process remembers; only a hint, so a bounded map is enough. */
const REMEMBERED = 10_000;
const lastSeen = new Map<string, number>();

/** Remembers `seq` as the last stored number of `stream` (most recent streams kept). */
export function rememberTail(stream: string, seq: number): void {
  lastSeen.delete(stream);
  lastSeen.set(stream, seq);
  if (lastSeen.size > REMEMBERED) lastSeen.delete(lastSeen.keys().next().value as string);
}

/** The last number this process stored or saw in `stream`, or 0: where a search may start. */
export function rememberedTail(stream: string): number {
  return lastSeen.get(stream) ?? 0;
}

/**
 * The last number stored in a gap-free stream, at or after `taken` (a number known to exist): gallops
 * forward, then bisects. Each probe is a lookup on exactly the unique (stream, seq) index's fields, the
 * one kind of query the embedded engine serves from an index; a stream of n records costs about 2·log n
 * lookups, and only when this process's hint is stale (another instance wrote, or after a restart).
 */
export async function findTail<T extends Document & { stream: string; seq: number }>(
  log: Collection<T>,
  stream: string,
  taken: number,
): Promise<number> {
  const exists = async (seq: number) =>
    (await log.findOne({ stream, seq } as Filter<T>, { projection: { _id: 1 } })) !== null;
  let low = taken;
  let step = 1;
  let high = low + step;
  while (await exists(high)) {
    low = high;
    step *= 2;
    high = low + step;
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (await exists(middle)) low = middle;
    else high = middle;
  }
  return low;
}
