import { randomBytes } from "node:crypto";
import { MongoClient, ObjectId } from "mongodb";
import { inject } from "vitest";
import { FAIL_FAST } from "../db/connect.ts";
import { ensureIndexes } from "../db/indexes.ts";
import { createCtx } from "../shared/context.ts";
import { EventBus, type StoredEvent } from "../shared/events.ts";
import { recordUncatalogued } from "../shared/record.ts";
import { createDispatcher, type Dispatcher, type DispatcherOptions } from "./dispatcher.ts";
import { dispatchCollections } from "./documents.ts";
import type { DispatchSubscriber } from "./subscriber.ts";

/**
 * A fresh database of the test database with every index, a settable clock (`clock.now`), `emit` to
 * store events through recordChange as a use case does, and `dispatcher` to run instances on it (woken
 * by this process's events unless `woken: false`, as another process would be). `close` abandons them.
 */
export async function dispatchBench() {
  const client = await MongoClient.connect(inject("mongoUri"), FAIL_FAST);
  const db = client.db(`d_${randomBytes(6).toString("hex")}`);
  await ensureIndexes(db);
  const clock = { now: new Date("2026-05-04T09:00:00Z") };
  const now = () => new Date(clock.now);
  const bus = new EventBus();
  const ctx = createCtx({ db, bus, now });
  const running: Dispatcher[] = [];

  function dispatcher(options: Omit<DispatcherOptions, "db"> & { woken?: boolean }): Dispatcher {
    const { woken = true, ...rest } = options;
    const instance = createDispatcher({ db, now, pollMs: 20, leaseMs: 30_000, log: () => {}, ...rest });
    if (woken) bus.on("*", () => instance.wake());
    running.push(instance);
    instance.start();
    return instance;
  }

  /** Stores one change with its event in the stream `thing:<id>`, as a use case would (of any type: the dispatcher is proved on synthetic ones). */
  async function emit(id: ObjectId, type: string, payload: Record<string, unknown> = {}) {
    await recordUncatalogued(ctx, {
      action: type,
      entity: "thing",
      entityId: id,
      agreementId: null,
      before: null,
      after: null,
      event: { type, payload },
    });
  }

  return {
    db,
    clock,
    now,
    deliveries: dispatchCollections(db).deliveries,
    dispatcher,
    emit,
    newStream: () => new ObjectId(),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
    async close() {
      await Promise.all(running.map((instance) => instance.stop({ waitMs: 0 })));
      await db.dropDatabase().catch(() => {});
      await client.close();
    },
  };
}

export type DispatchBench = Awaited<ReturnType<typeof dispatchBench>>;

/** A subscriber that keeps what it was handed; `react` decides each call's outcome (done by default). */
export function recorder(
  name: string,
  types: readonly string[],
  react: (event: StoredEvent, attempt: number) => ReturnType<DispatchSubscriber["handle"]> = async () => {},
) {
  const calls: { eventId: string; stream: string; seq: number; attempt: number }[] = [];
  const subscriber: DispatchSubscriber = {
    name,
    types,
    async handle(event, attempt) {
      calls.push({ eventId: event.id.toHexString(), stream: event.stream, seq: event.seq, attempt });
      return react(event, attempt);
    },
  };
  return { subscriber, calls };
}
