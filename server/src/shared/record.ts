import { setTimeout as sleep } from "node:timers/promises";
import { ObjectId } from "mongodb";
import type { AuditDoc } from "../audit/documents.ts";
import { type EventInput, requireCatalogued } from "../events.ts";
import type { Ctx } from "./context.ts";
import { AppError, isDuplicateKey } from "./errors.ts";
import type { StoredEvent } from "./events.ts";
import { findTail, rememberedTail, rememberTail } from "./stream-tail.ts";

type Change<E = EventInput> = {
  action: string;
  entity: string;
  entityId: ObjectId;
  agreementId: ObjectId | null;
  before: unknown;
  after: unknown;
  /** Shown as the actor when no person acts, e.g. the demo seeding. */
  systemActorName?: string;
  /** Domain event stored with the audit entry and then published, e.g. `referent.substituted`. */
  event?: E;
};

// Concurrent writers of one stream retry on the unique (stream, seq) index; each round one of them wins.
const SEQ_ATTEMPTS = 50;

/**
 * Makes a write attributable: ONE document carries the audit entry (who, what, when, before/after) and,
 * when given, the domain event, so a crash can never leave one without the other (there are no
 * multi-document transactions to rely on). A record with an event is marked `dispatch: "pending"` in that
 * same insert, so the durable dispatcher (dispatch/) delivers it to its subscribers even after a crash;
 * it is then published in-process (which also wakes this process's dispatcher at once).
 * Called by every use case after its write; the only code that inserts into the audit collection.
 */
export async function recordChange(ctx: Ctx, change: Change): Promise<void> {
  if (change.event) requireCatalogued(change.event);
  await store(ctx, change);
}

/**
 * `recordChange` unless the entity's stream already holds an entry of this action: for a creation run
 * again under its idempotency key after an instance died between storing the document and its record,
 * which completes the change instead of recording it twice. One indexed read of the stream.
 */
export async function recordChangeOnce(ctx: Ctx, change: Change): Promise<void> {
  const stream = `${change.entity}:${change.entityId.toHexString()}`;
  const known = await ctx.c.audit.findOne({ stream, action: change.action }, { projection: { _id: 1 } });
  if (!known) await recordChange(ctx, change);
}

/**
 * `recordChange` without the catalogue: for the dispatcher's own tests, which prove it on synthetic
 * event types (`t.step`, …). Use cases never call it: their events are the catalogue's.
 */
export async function recordUncatalogued(
  ctx: Ctx,
  change: Change<{ type: string; payload: Record<string, unknown> }>,
): Promise<void> {
  await store(ctx, change);
}

async function store(ctx: Ctx, change: Change<{ type: string; payload: Record<string, unknown> }>) {
  const record = await insertNumbered(ctx, {
    at: ctx.now(),
    actorId: ctx.actor?.personId ?? null,
    actorName: ctx.actor?.name ?? change.systemActorName ?? null,
    action: change.action,
    entity: change.entity,
    entityId: change.entityId,
    agreementId: change.agreementId,
    before: change.before ?? null,
    after: change.after ?? null,
    stream: `${change.entity}:${change.entityId.toHexString()}`,
    type: change.event?.type ?? null,
    payload: change.event?.payload ?? null,
    // In the same insert: the dispatcher fans out exactly the events that were stored (dispatch/fan-out.ts).
    ...(change.event ? { dispatch: "pending" as const } : {}),
  });
  const event = eventOf(record);
  if (event) await ctx.bus.publish(event);
}

/** The domain event a stored record carries, or null when the change is only audited. */
export function eventOf(record: AuditDoc): StoredEvent | null {
  if (!record.type || !record.payload) return null;
  return {
    id: record._id,
    type: record.type,
    stream: record.stream,
    seq: record.seq,
    at: record.at,
    actorId: record.actorId,
    agreementId: record.agreementId,
    payload: record.payload,
  };
}

/**
 * Stores the record as the next of its stream. Each number is inserted only after the one before it
 * exists, the unique (stream, seq) index refusing a number already taken, so each stream is gap-free
 * and numbered in the order its records were stored: what a dispatcher needs to resume a stream from a
 * checkpoint. Where to try first is a hint (the last number this process stored in the stream): right,
 * it costs one insert; stale (another instance wrote), the refusal sends a short indexed search to the
 * stream's real end. No scan, no second document to keep in step.
 */
async function insertNumbered(ctx: Ctx, draft: Omit<AuditDoc, "_id" | "seq">): Promise<AuditDoc> {
  let seq = rememberedTail(draft.stream) + 1;
  for (let attempt = 0; attempt < SEQ_ATTEMPTS; attempt++) {
    const record: AuditDoc = { _id: new ObjectId(), ...draft, seq };
    try {
      await ctx.c.audit.insertOne(record);
      rememberTail(draft.stream, seq);
      return record;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    seq = (await findTail(ctx.c.audit, draft.stream, seq)) + 1;
    if (attempt > 2) await sleep(Math.random() * attempt); // many writers of one stream: spread them
  }
  throw new AppError("concurrent_change", { stream: draft.stream });
}
