/** One HTTP call of an outbox entry; `{previous}` in `path` is the id the previous call answered. */
export type OutboxRequest = {
  method: "POST" | "PUT";
  path: string;
  body?: unknown;
  /** A file sent as multipart field `file` (an issue report's photo). */
  file?: { blob: Blob; name: string };
  /** Kept with the entry: a replay sends the same key, so the server never applies it twice. */
  idempotencyKey: string;
};

export type OutboxKind = "rsvp" | "contribution" | "issue-report";

/** A write made without a connection (or cut off), waiting to be sent, or refused on replay. */
export type OutboxEntry = {
  id: string;
  kind: OutboxKind;
  /** What the person did, in their words at the time ("Presenza — Tavolo tecnico, 3 marzo"). */
  label: string;
  meetingId?: string;
  tableId?: string;
  requests: OutboxRequest[];
  /** How many of `requests` the server has already accepted. */
  done: number;
  /** The id the last accepted call answered (an issue report's, for its attachment). */
  previousId?: string;
  state: "pending" | "refused";
  /** Why the server refused it: shown to the person, who decides to drop it. */
  error?: { status: number; code: string; message: string };
  createdAt: string;
  /** Extra data the screens show while it waits (the answer given, a title). */
  preview?: Record<string, string>;
};

/** Messages on the "tavoli-outbox" BroadcastChannel, between the page(s) and the service worker. */
export type OutboxMessage = { type: "changed" } | { type: "sent"; id: string; kind: OutboxKind };
