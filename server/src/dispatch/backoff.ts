/** The first retry waits up to this long; each further one up to twice as long as the one before. */
export const BACKOFF_BASE_MS = 1000;
/** No retry waits longer than this. */
export const BACKOFF_CAP_MS = 15 * 60_000;

/**
 * How long to wait before the next attempt after `attempts` failed ones: exponential with full jitter
 * (a random wait between 0 and min(cap, base·2^(attempts−1))), so instances retrying after one outage
 * spread out instead of hitting the far side together.
 */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.floor(random() * ceiling);
}
