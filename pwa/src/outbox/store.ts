import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import type { OutboxEntry, OutboxMessage } from "./types.ts";

interface TavoliDb extends DBSchema {
  outbox: { key: string; value: OutboxEntry };
}

let opened: Promise<IDBPDatabase<TavoliDb>> | null = null;

/** The app's IndexedDB, shared by the page and the service worker. */
function database(): Promise<IDBPDatabase<TavoliDb>> {
  opened ??= openDB<TavoliDb>("tavoli", 1, {
    upgrade(db) {
      db.createObjectStore("outbox", { keyPath: "id" });
    },
  });
  return opened;
}

/** Every entry, oldest first: replay keeps the order the person acted in. */
export async function listOutbox(): Promise<OutboxEntry[]> {
  const all = await (await database()).getAll("outbox");
  return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function putOutboxEntry(entry: OutboxEntry): Promise<void> {
  await (await database()).put("outbox", entry);
  announce({ type: "changed" });
}

export async function deleteOutboxEntry(id: string): Promise<void> {
  await (await database()).delete("outbox", id);
  announce({ type: "changed" });
}

/** Tells every page and the service worker that the outbox changed. */
export function announce(message: OutboxMessage): void {
  const channel = new BroadcastChannel("tavoli-outbox");
  channel.postMessage(message);
  channel.close();
}
