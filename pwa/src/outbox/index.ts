import { deliver, replayOutbox } from "./replay.ts";
import { deleteOutboxEntry, listOutbox } from "./store.ts";
import type { OutboxEntry, OutboxKind, OutboxRequest } from "./types.ts";

export type { OutboxEntry } from "./types.ts";
export { deleteOutboxEntry, listOutbox };

/** Builds an outbox entry; each request gets its own Idempotency-Key, kept for every replay. */
export function newEntry(input: {
  kind: OutboxKind;
  label: string;
  meetingId?: string;
  tableId?: string;
  requests: Array<Omit<OutboxRequest, "idempotencyKey">>;
  preview?: Record<string, string>;
}): OutboxEntry {
  return {
    ...input,
    id: crypto.randomUUID(),
    requests: input.requests.map((r) => ({ ...r, idempotencyKey: crypto.randomUUID() })),
    done: 0,
    state: "pending",
    createdAt: new Date().toISOString(),
  };
}

/** Sends a write now, or keeps it for later; asks for a background sync where the browser has one. */
export async function write(entry: OutboxEntry) {
  // An answer not yet sent for the same sitting is replaced: only the latest choice should reach the server.
  if (entry.kind === "rsvp") {
    for (const old of await listOutbox()) {
      if (
        old.kind === "rsvp" &&
        old.meetingId === entry.meetingId &&
        old.state === "pending" &&
        old.done === 0
      )
        await deleteOutboxEntry(old.id);
    }
  }
  const outcome = await deliver(entry);
  if (outcome.result === "queued") await requestBackgroundSync();
  return outcome;
}

async function requestBackgroundSync(): Promise<void> {
  try {
    const registration = (await navigator.serviceWorker?.getRegistration()) as
      | (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } })
      | undefined;
    await registration?.sync?.register("tavoli-outbox");
  } catch {
    // No Background Sync (Firefox, Safari): the page replays on start, on `online` and on focus.
  }
}

let listening = false;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let retryDelayMs = 1000;

/**
 * Replays the outbox now, and whenever the connection comes back or the app comes to the front. The
 * `online` event can come before the network really carries requests (and a server may be restarting):
 * a replay stopped that way while the browser says it is online is tried again after 1 s, 2 s, 4 s, 8 s, then every 15 s.
 */
export function startOutboxReplay(onChange: () => void): void {
  const run = () => {
    clearTimeout(retryTimer);
    replayOutbox()
      .then((outcome) => {
        onChange();
        if ((outcome.stopped === "offline" || outcome.stopped === "server") && navigator.onLine) {
          retryTimer = setTimeout(run, retryDelayMs);
          retryDelayMs = Math.min(retryDelayMs * 2, 15_000);
        } else retryDelayMs = 1000;
      })
      .catch(() => {});
  };
  run();
  if (listening) return;
  listening = true;
  window.addEventListener("online", run);
  window.addEventListener("focus", run);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") run();
  });
  const channel = new BroadcastChannel("tavoli-outbox");
  channel.onmessage = () => onChange();
}
