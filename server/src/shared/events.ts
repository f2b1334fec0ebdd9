import type { ObjectId } from "mongodb";

/**
 * A fact that happened in the domain, as stored with its audit entry and published: the envelope, its
 * type and payload unchecked. Subscribers read it typed, as a `DomainEvent` of the catalogue
 * (`server/src/events.ts`); the dispatcher and the bus move envelopes of any type.
 */
export type StoredEvent = {
  /** The stored record's id (the audit entry it is part of). */
  id: ObjectId;
  type: string;
  /** `<entity>:<entityId>`; `seq` numbers the stream's records 1, 2, 3… in stored order. */
  stream: string;
  seq: number;
  at: Date;
  actorId: ObjectId | null;
  agreementId: ObjectId | null;
  payload: Record<string, unknown>;
};

type Listener = (event: StoredEvent) => void | Promise<void>;

/** In-process publish/subscribe of events already stored with their audit entry by `recordChange`. */
export class EventBus {
  #listeners = new Map<string, Listener[]>();

  /** Subscribes to one event type, or to every type with "*". */
  on(type: string, listener: Listener): () => void {
    const list = this.#listeners.get(type) ?? [];
    list.push(listener);
    this.#listeners.set(type, list);
    return () =>
      this.#listeners.set(
        type,
        (this.#listeners.get(type) ?? []).filter((l) => l !== listener),
      );
  }

  /** Delivers to listeners; a failing listener never fails the use case that emitted. */
  async publish(event: StoredEvent): Promise<void> {
    const listeners = [...(this.#listeners.get(event.type) ?? []), ...(this.#listeners.get("*") ?? [])];
    await Promise.all(
      listeners.map(async (listener) => {
        try {
          await listener(event);
        } catch (error) {
          console.error(`[events] listener for ${event.type} failed`, error);
        }
      }),
    );
  }
}
