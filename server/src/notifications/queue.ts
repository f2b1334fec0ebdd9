/**
 * Runs jobs one after another once the caller has moved on (the caller never waits); a failing job is
 * logged and the next one still runs. In process: a restart loses what is queued, as with any mail
 * sent from the request path.
 */
export function backgroundQueue(name: string): (job: () => Promise<void>) => void {
  let tail: Promise<void> = Promise.resolve();
  return (job) => {
    tail = tail.then(job).catch((error: unknown) => {
      console.error(`[${name}] notification failed`, error);
    });
  };
}
