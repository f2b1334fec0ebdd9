/**
 * Coalesces calls of `run` per key within this process: while one runs, the calls that arrive share ONE
 * run that starts after it ends. A caller is thus always answered by a run that started after it called,
 * which is what makes it safe for a refresh (it reads the current counts, so it includes the caller's
 * answer): a burst of answers to one sitting costs at most two refreshes, not one each. Every caller
 * sees its run's outcome (a failure fails each of them, and the dispatcher retries each).
 */
export function coalesced(run: (key: string) => Promise<void>): (key: string) => Promise<void> {
  const running = new Map<string, Promise<void>>();
  const queued = new Map<string, Promise<void>>();
  const start = (key: string): Promise<void> => {
    queued.delete(key);
    const current: Promise<void> = run(key).finally(() => {
      if (running.get(key) === current) running.delete(key);
    });
    running.set(key, current);
    return current;
  };
  return (key) => {
    const waiting = queued.get(key);
    if (waiting) return waiting;
    const current = running.get(key);
    if (!current) return start(key);
    const next = current.then(
      () => start(key),
      () => start(key),
    );
    queued.set(key, next);
    return next;
  };
}
