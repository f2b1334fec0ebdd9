import type { z } from "@hono/zod-openapi";
import type { ObjectId } from "mongodb";
import { getAgreement } from "../agreements/queries.ts";
import { checkBackdating } from "../shared/backdating.ts";
import type { Ctx } from "../shared/context.ts";
import { addDays, addMonths, romeDate } from "../shared/dates.ts";
import { AppError } from "../shared/errors.ts";
import { isAgreementAdmin, requireActingFor } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import type { withdrawalInput } from "./contracts.ts";
import type { MembershipDoc } from "./documents.ts";
import { latestMembership, requireOrganisation } from "./queries.ts";

/**
 * DOMAIN rule 2: registers a withdrawal notice; the organisation remains a member until the notice
 * expires (days or calendar months). The membership is never deleted.
 */
export async function withdrawFromAgreement({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { agreementId: ObjectId } & z.output<typeof withdrawalInput>;
}): Promise<{ membership: MembershipDoc; organisationName: string }> {
  const agreement = await getAgreement({ ctx, input: { id: input.agreementId } });
  const actor = requireActingFor(ctx, input.organisationId, {
    agreementId: agreement._id,
    agreementAdminMay: true,
  });
  const noticeGivenOn = input.noticeGivenOn ?? romeDate(ctx.now());
  if (noticeGivenOn > romeDate(ctx.now())) throw new AppError("date_in_future", { field: "noticeGivenOn" });
  // The notice protects the other parties: a referent's own earlier date would shorten it.
  const backdating = checkBackdating(ctx, {
    field: "noticeGivenOn",
    date: noticeGivenOn,
    mayBackdate: isAgreementAdmin(actor, agreement._id),
    reason: input.backdatingReason,
  });
  const org = await requireOrganisation(ctx, input.organisationId);
  const before = await latestMembership(ctx, agreement._id, input.organisationId);
  if (!before || (before.withdrawal && before.withdrawal.effectiveOn <= noticeGivenOn)) {
    throw new AppError("not_a_member");
  }
  if (before.withdrawal)
    throw new AppError("withdrawal_pending", { effectiveOn: before.withdrawal.effectiveOn });
  if (noticeGivenOn < before.receivedOn) throw new AppError("date_order", { field: "noticeGivenOn" });
  const { amount, unit } = agreement.withdrawalNotice;
  const withdrawal = {
    noticeGivenOn,
    effectiveOn: unit === "months" ? addMonths(noticeGivenOn, amount) : addDays(noticeGivenOn, amount),
    reason: input.reason,
    backdating,
  };
  // Conditional on no withdrawal yet: of concurrent notices exactly one finds it null (one atomic update).
  const after = await ctx.c.memberships.findOneAndUpdate(
    { _id: before._id, withdrawal: null },
    { $set: { withdrawal } },
    { returnDocument: "after" },
  );
  if (!after) throw new AppError("withdrawal_pending");
  await recordChange(ctx, {
    action: "membership.withdrawal_notified",
    entity: "membership",
    entityId: after._id,
    agreementId: agreement._id,
    before,
    after,
    event: {
      type: "organisation.withdrawal_notified",
      payload: { organisationId: input.organisationId.toHexString(), ...withdrawal },
    },
  });
  return { membership: after, organisationName: org.name };
}
