import type { Db, ObjectId } from "mongodb";

/** pending → running → done; a failure goes back to pending (later) or, after the last attempt, to dead. */
export type DeliveryState = "pending" | "running" | "done" | "dead";

/**
 * One stored event to hand to one subscriber, made by the fan-out (dispatch/fan-out.ts). Unique per
 * (stream, subscriber, seq), i.e. per record and subscriber, so fanning a record out twice makes nothing
 * new; the same index finds a delivery's predecessors in its stream.
 */
export type DeliveryDoc = {
  _id: ObjectId;
  /** The subscriber's `name`. */
  subscriber: string;
  /** The audit record carrying the event. */
  recordId: ObjectId;
  stream: string;
  seq: number;
  type: string;
  state: DeliveryState;
  /** Claims so far (a claim whose lease expired counts too). */
  attempts: number;
  /** Not to be claimed before this (retries wait here). */
  dueAt: Date;
  /** While running: when another instance may take it over (the holder is presumed dead). */
  leaseUntil: Date | null;
  /** The instance holding or last holding it. */
  owner: string | null;
  lastError: string | null;
  createdAt: Date;
  doneAt: Date | null;
  /** From the event's storing to the handler's success. */
  latencyMs: number | null;
  deadAt: Date | null;
};

/** Typed handles on the collections the dispatch feature owns; the only place their names are spelled. */
export function dispatchCollections(db: Db) {
  return {
    /** Deliveries of stored events to subscribers (see `DeliveryDoc`). */
    deliveries: db.collection<DeliveryDoc>("deliveries"),
  };
}
