import { deleteOutboxEntry, listOutbox, putOutboxEntry } from "./store.ts";
import type { OutboxEntry, OutboxRequest } from "./types.ts";

/** Why a replay stopped early: nothing is lost, the next trigger tries again. */
export type ReplayOutcome = {
  sent: number;
  refused: number;
  stopped: null | "offline" | "signed_out" | "server";
};

type Answer = { status: number; body: unknown };

/**
 * Sends the outbox, oldest first, in the page or in the service worker (both have fetch, IndexedDB and
 * Web Locks). One replay at a time across all of them; each call carries its stored Idempotency-Key, so a
 * replay racing a send that did reach the server is answered the first result, never a duplicate.
 */
export async function replayOutbox(): Promise<ReplayOutcome> {
  return navigator.locks.request("tavoli-outbox", async (): Promise<ReplayOutcome> => replayLocked());
}

/** What became of a write made now: sent, kept for later (offline), or refused (not kept: shown at once). */
export type DeliverResult =
  | { result: "sent" }
  | { result: "queued" }
  | { result: "refused"; error: NonNullable<OutboxEntry["error"]> };

/**
 * Stores a write in the outbox first (a tab closed mid-request loses nothing), then sends it. A refusal
 * of a write made now is returned to the screen that made it, and not kept.
 */
export async function deliver(entry: OutboxEntry): Promise<DeliverResult> {
  await putOutboxEntry(entry);
  return navigator.locks.request("tavoli-outbox", async (): Promise<DeliverResult> => {
    const csrf = await csrfToken();
    if (csrf === "offline" || csrf === null) return { result: "queued" };
    const result = await sendEntry(entry, csrf);
    if (result === "sent") return { result };
    if (result === "refused" && entry.error) {
      // Nothing reached the server: the screen shows the refusal and the entry goes. Once part of it was
      // accepted (a report whose photo was refused) it stays, refused, for the person to see.
      if (entry.done === 0) await deleteOutboxEntry(entry.id);
      return { result, error: entry.error };
    }
    return { result: "queued" };
  });
}

async function replayLocked(): Promise<ReplayOutcome> {
  const outcome: ReplayOutcome = { sent: 0, refused: 0, stopped: null };
  const pending = (await listOutbox()).filter((entry) => entry.state === "pending");
  if (pending.length === 0) return outcome;
  const csrf = await csrfToken();
  if (csrf === "offline" || csrf === null) return { ...outcome, stopped: csrf ?? "signed_out" };
  for (const entry of pending) {
    const result = await sendEntry(entry, csrf);
    if (result === "sent") outcome.sent += 1;
    else if (result === "refused") outcome.refused += 1;
    else if (result !== "later") return { ...outcome, stopped: result };
  }
  return outcome;
}

/** The session's CSRF token, null when signed out, "offline" when the server cannot be reached. */
async function csrfToken(): Promise<string | null | "offline"> {
  try {
    const response = await fetch("/api/v1/auth/session", { credentials: "same-origin", cache: "no-store" });
    if (!response.ok) return null;
    return ((await response.json()) as { csrfToken: string }).csrfToken;
  } catch {
    return "offline";
  }
}

async function sendEntry(
  entry: OutboxEntry,
  csrf: string,
): Promise<"sent" | "refused" | "later" | "offline" | "signed_out" | "server"> {
  while (entry.done < entry.requests.length) {
    const request = entry.requests[entry.done] as OutboxRequest;
    let answer: Answer;
    try {
      answer = await send(request, entry.previousId, csrf);
    } catch {
      return "offline";
    }
    if (answer.status >= 200 && answer.status < 300) {
      entry.done += 1;
      const id = (answer.body as { id?: unknown } | null)?.id;
      if (typeof id === "string") entry.previousId = id;
      if (entry.done < entry.requests.length) await putOutboxEntry(entry);
      continue;
    }
    const error = (answer.body as { error?: { code?: string; message?: string } } | null)?.error;
    const code = error?.code ?? `http_${answer.status}`;
    if (answer.status === 401) return "signed_out";
    // The first send of this very key is still running (a page and the worker raced): it will answer.
    if (code === "idempotency_key_in_progress" || answer.status === 429) return "later";
    if (answer.status >= 500) return "server";
    // Any other refusal (deadline passed, meeting cancelled…) is kept and shown, never dropped.
    entry.state = "refused";
    entry.error = { status: answer.status, code, message: error?.message ?? String(answer.status) };
    await putOutboxEntry(entry);
    return "refused";
  }
  await deleteOutboxEntry(entry.id);
  return "sent";
}

async function send(request: OutboxRequest, previousId: string | undefined, csrf: string): Promise<Answer> {
  const headers: Record<string, string> = {
    accept: "application/json",
    "accept-language": navigator.language,
    "x-csrf-token": csrf,
    "idempotency-key": request.idempotencyKey,
  };
  let body: BodyInit | undefined;
  if (request.file) {
    const form = new FormData();
    form.append("file", request.file.blob, request.file.name);
    body = form;
  } else if (request.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(request.body);
  }
  const path = request.path.replace("{previous}", previousId ?? "");
  const response = await fetch(`/api/v1${path}`, {
    method: request.method,
    headers,
    body,
    credentials: "same-origin",
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}
