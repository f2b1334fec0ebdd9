import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { requireInstallationAdmin } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import type { DeliveryDoc } from "./documents.ts";
import { loadDelivery } from "./queries.ts";

/**
 * An installation admin puts a dead delivery back in the queue, due now with its attempts reset (after
 * fixing what made it fail). Audited; no event. It runs even if later events of its stream were delivered
 * meanwhile: dead deliveries do not hold their stream up, so a retry is the one way order can bend.
 */
export async function retryDelivery({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: ObjectId };
}): Promise<DeliveryDoc> {
  requireInstallationAdmin(ctx);
  const before = await loadDelivery(ctx, input.id);
  const notDead = () =>
    new AppError("delivery_not_dead", { id: input.id.toHexString(), state: before.state });
  if (before.state !== "dead") throw notDead();
  const now = ctx.now();
  // Conditional on still being dead, so that of two concurrent retries one alone is recorded.
  const after = await ctx.c.deliveries.findOneAndUpdate(
    { _id: before._id, state: "dead" },
    { $set: { state: "pending", attempts: 0, dueAt: now, leaseUntil: null, owner: null, deadAt: null } },
    { returnDocument: "after" },
  );
  if (!after) throw notDead();
  await recordChange(ctx, {
    action: "delivery.retried",
    entity: "delivery",
    entityId: before._id,
    agreementId: null,
    before: { state: before.state, attempts: before.attempts, lastError: before.lastError },
    after: { state: after.state, attempts: after.attempts, dueAt: after.dueAt },
  });
  return after;
}
