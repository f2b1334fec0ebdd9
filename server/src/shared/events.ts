import type { ObjectId } from "mongodb";

/** A fact that happened in the domain; notifiers (Slack, push, calendar) subscribe instead of being called. */
export type DomainEvent = {
  type: string;
  at: Date;
  actorId: ObjectId | null;
  agreementId: ObjectId | null;
  payload: Record<string, unknown>;
};

type Listener = (event: DomainEvent) => void | Promise<void>;

/** In-process publish/subscribe; every event is also stored in `domainEvents` (the outbox) by the use case context. */
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
  async publish(event: DomainEvent): Promise<void> {
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
