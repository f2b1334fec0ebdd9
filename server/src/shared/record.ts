import { ObjectId } from "mongodb";
import type { Ctx } from "./context.ts";

type Change = {
  action: string;
  entity: string;
  entityId: ObjectId;
  agreementId: ObjectId | null;
  before: unknown;
  after: unknown;
  /** Domain event to store in the outbox and publish, e.g. `referent.substituted`. */
  event?: { type: string; payload: Record<string, unknown> };
};

/**
 * Makes a write attributable: an audit entry (who, what, when, before/after) and, when given, a domain
 * event stored in `domainEvents` and published in-process. Called by every use case after its write.
 */
export async function recordChange(ctx: Ctx, change: Change): Promise<void> {
  const at = ctx.now();
  const actorId = ctx.actor?.personId ?? null;
  await ctx.c.audit.insertOne({
    _id: new ObjectId(),
    at,
    actorId,
    actorName: ctx.actor?.name ?? null,
    action: change.action,
    entity: change.entity,
    entityId: change.entityId,
    agreementId: change.agreementId,
    before: change.before ?? null,
    after: change.after ?? null,
  });
  if (!change.event) return;
  const event = {
    type: change.event.type,
    at,
    actorId,
    agreementId: change.agreementId,
    payload: change.event.payload,
  };
  await ctx.c.events.insertOne({ _id: new ObjectId(), ...event });
  await ctx.bus.publish(event);
}
