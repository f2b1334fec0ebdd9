import { ObjectId } from "mongodb";
import { checkBackdating } from "../shared/backdating.ts";
import type { Ctx } from "../shared/context.ts";
import { addDays, type IsoDate } from "../shared/dates.ts";
import { AppError } from "../shared/errors.ts";
import { recordChange } from "../shared/record.ts";
import { getTable } from "../tables/queries.ts";
import { withPersonSeatLock } from "./designate.ts";
import type { DesignationDoc } from "./documents.ts";
import { loadDesignation } from "./queries.ts";
import { checkNewDesignation, insertDesignation, requireActingForDesignation, requireOpen } from "./rules.ts";

/**
 * Replaces a referent (DOMAIN rule 3): the old designation ends the day before `from`, the new one starts on
 * `from`, both are kept and linked, and `referent.substituted` tells the table. With no multi-document
 * transactions, the new designation is inserted first and the old one closed second, so a failure in
 * between never leaves the organisation without a referent; if closing fails, the new one is removed.
 */
export async function substituteReferent({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: ObjectId; personId: ObjectId; from: IsoDate; backdatingReason: string | null };
}): Promise<{ previous: DesignationDoc; next: DesignationDoc }> {
  const old = await loadDesignation(ctx, input.id);
  const { actor, recordsActs } = requireActingForDesignation(ctx, old);
  requireOpen(old);
  // A substitution that already happened is recorded, like a designation, only by admins and coordinators.
  const backdating = checkBackdating(ctx, {
    field: "from",
    date: input.from,
    mayBackdate: recordsActs,
    reason: input.backdatingReason,
  });
  if (input.from <= old.from)
    throw new AppError("date_order", { from: old.from, to: addDays(input.from, -1) });
  const table = await getTable({ ctx, input: { id: old.tableId } });
  const next: DesignationDoc = {
    ...old,
    _id: new ObjectId(),
    personId: input.personId,
    kind: "standing",
    meetingRef: null,
    from: input.from,
    to: null,
    substitutedById: null,
    substitutesId: old._id,
    backdating,
    createdAt: ctx.now(),
    createdBy: actor.personId,
  };
  // The successor's seat lock keeps its overlap check and insert apart from other designations of that
  // person (see withPersonSeatLock); the old designation needs none: its close is one conditional update.
  const previous = await withPersonSeatLock(ctx, next, async () => {
    await checkNewDesignation(ctx, table, next);
    await insertDesignation(ctx, next);
    return closeSubstituted(ctx, old, next, input.from);
  });
  await recordChange(ctx, {
    action: "designation.substituted",
    entity: "designation",
    entityId: previous._id,
    agreementId: previous.agreementId,
    before: old,
    after: previous,
  });
  await recordChange(ctx, {
    action: "designation.created",
    entity: "designation",
    entityId: next._id,
    agreementId: next.agreementId,
    before: null,
    after: next,
    event: {
      type: "referent.substituted",
      payload: {
        tableId: next.tableId.toHexString(),
        organisationId: next.organisationId.toHexString(),
        previousPersonId: old.personId.toHexString(),
        newPersonId: next.personId.toHexString(),
        from: next.from,
        previousDesignationId: previous._id.toHexString(),
        designationId: next._id.toHexString(),
      },
    },
  });
  return { previous, next };
}

/**
 * Closes the substituted designation, conditional on it still being open: of concurrent substitutions (or
 * an end) exactly one succeeds, and a loser removes the successor it inserted.
 */
async function closeSubstituted(ctx: Ctx, old: DesignationDoc, next: DesignationDoc, from: IsoDate) {
  const closed = await ctx.c.designations
    .findOneAndUpdate(
      { _id: old._id, to: null, substitutedById: null },
      { $set: { to: addDays(from, -1), substitutedById: next._id } },
      { returnDocument: "after" },
    )
    .catch(async (error: unknown) => {
      await ctx.c.designations.deleteOne({ _id: next._id });
      throw error;
    });
  if (closed) return closed;
  await ctx.c.designations.deleteOne({ _id: next._id });
  throw new AppError("designation_ended", { designationId: old._id.toHexString() });
}
