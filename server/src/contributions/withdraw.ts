import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { requireActingFor, requireActor } from "../shared/policy.ts";
import { recordContribution } from "./audit.ts";
import type { ContributionDoc } from "./documents.ts";
import { loadVisibleContribution } from "./queries.ts";

/**
 * The author, a referent of the same organisation (DOMAIN rule 4) or an installation admin withdraws
 * a contribution. Soft: it keeps its history and shows as withdrawn. Emits `contribution.withdrawn`.
 */
export async function withdrawContribution({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: ObjectId };
}): Promise<ContributionDoc> {
  const actor = requireActor(ctx);
  const before = await loadVisibleContribution(ctx, input.id);
  if (!before.authorId.equals(actor.personId)) requireActingFor(ctx, before.organisationId);
  const withdrawn = () => new AppError("contribution_withdrawn", { id: input.id.toHexString() });
  if (before.withdrawnAt) throw withdrawn();
  const now = ctx.now();
  // Conditional on still being active, so that of two concurrent withdrawals one alone is recorded.
  const after = await ctx.c.contributions.findOneAndUpdate(
    { _id: before._id, withdrawnAt: null },
    { $set: { withdrawnAt: now, updatedAt: now } },
    { returnDocument: "after" },
  );
  if (!after) throw withdrawn();
  await recordContribution(ctx, "contribution.withdrawn", before, after);
  return after;
}
