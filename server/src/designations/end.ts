import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import type { IsoDate } from "../shared/dates.ts";
import { AppError } from "../shared/errors.ts";
import { requireActor } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import { loadDesignation } from "./queries.ts";
import { designationPayload, requireActingForDesignation, requireNotInPast, requireOpen } from "./rules.ts";

/** Ends a standing designation on `to` (last day included), not before its start nor in the past. */
export async function endDesignation({ ctx, input }: { ctx: Ctx; input: { id: ObjectId; to: IsoDate } }) {
  requireActor(ctx);
  const before = await loadDesignation(ctx, input.id);
  requireActingForDesignation(ctx, before);
  requireOpen(before);
  if (input.to < before.from) throw new AppError("date_order", { from: before.from, to: input.to });
  requireNotInPast(ctx, input.to);
  // Conditional on still being open: a concurrent end or substitution may have closed it since it was read.
  const after = await ctx.c.designations.findOneAndUpdate(
    { _id: before._id, to: null, substitutedById: null },
    { $set: { to: input.to } },
    { returnDocument: "after" },
  );
  if (!after) throw new AppError("designation_ended", { designationId: before._id.toHexString() });
  await recordChange(ctx, {
    action: "designation.ended",
    entity: "designation",
    entityId: after._id,
    agreementId: after.agreementId,
    before,
    after,
    event: { type: "referent.designation_ended", payload: designationPayload(after) },
  });
  return after;
}
