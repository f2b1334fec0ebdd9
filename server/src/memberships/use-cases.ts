import type { z } from "@hono/zod-openapi";
import { ObjectId } from "mongodb";
import { getAgreement } from "../agreements/queries.ts";
import { checkBackdating } from "../shared/backdating.ts";
import type { Ctx } from "../shared/context.ts";
import { addDays, addMonths, romeDate } from "../shared/dates.ts";
import { AppError, refusingDuplicates } from "../shared/errors.ts";
import { isAgreementAdmin, requireActingFor } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import type { adhesionInput, withdrawalInput } from "./contracts.ts";
import type { MembershipDoc } from "./documents.ts";

async function requireOrganisation(ctx: Ctx, id: ObjectId) {
  const org = await ctx.c.organisations.findOne({ _id: id }, { projection: { name: 1 } });
  if (!org) throw new AppError("not_found", { entity: "organisation", id: id.toHexString() });
  return org;
}

async function latestMembership(ctx: Ctx, agreementId: ObjectId, organisationId: ObjectId) {
  return ctx.c.memberships.find({ agreementId, organisationId }).sort({ seq: -1 }).limit(1).next();
}

/**
 * DOMAIN rule 1: registers an adhesion application received on `receivedOn`; it becomes operative
 * `adhesionDelayDays` later and from then on the organisation sits on every open table (computed, so
 * nothing has to fire on the day). A referent may apply for their own organisation, received today;
 * agreement admins register applications received by the agreement, also on the earlier day of the
 * protocol act (with the reason, audited); only they may mark a founding party.
 */
export async function applyForAdhesion({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { agreementId: ObjectId } & z.output<typeof adhesionInput>;
}): Promise<{ membership: MembershipDoc; organisationName: string }> {
  const agreement = await getAgreement({ ctx, input: { id: input.agreementId } });
  const actor = requireActingFor(ctx, input.organisationId, {
    agreementId: agreement._id,
    agreementAdminMay: true,
  });
  const mayBackdate = isAgreementAdmin(actor, agreement._id);
  if (input.founding && !mayBackdate) {
    throw new AppError("forbidden", { field: "founding", requiredRole: "agreement_admin" });
  }
  const receivedOn = input.receivedOn ?? romeDate(ctx.now());
  if (receivedOn > romeDate(ctx.now())) throw new AppError("date_in_future", { field: "receivedOn" });
  // A referent's own earlier date would skip the agreement's delay and open its tables at once.
  const backdating = checkBackdating(ctx, {
    field: "receivedOn",
    date: receivedOn,
    mayBackdate,
    reason: input.backdatingReason,
  });
  const org = await requireOrganisation(ctx, input.organisationId);
  const latest = await latestMembership(ctx, agreement._id, input.organisationId);
  if (latest && (!latest.withdrawal || latest.withdrawal.effectiveOn > receivedOn)) {
    throw new AppError("already_member", { membershipId: latest._id.toHexString() });
  }
  const membership: MembershipDoc = {
    _id: new ObjectId(),
    agreementId: agreement._id,
    organisationId: input.organisationId,
    seq: latest ? latest.seq + 1 : 0,
    founding: input.founding,
    receivedOn,
    operativeFrom: addDays(receivedOn, agreement.adhesionDelayDays),
    backdating,
    withdrawal: null,
    createdAt: ctx.now(),
  };
  // The unique (agreement, organisation, seq) index refuses the loser of concurrent applications.
  await refusingDuplicates(ctx.c.memberships.insertOne(membership), "already_member");
  await recordChange(ctx, {
    action: "membership.applied",
    entity: "membership",
    entityId: membership._id,
    agreementId: agreement._id,
    before: null,
    after: membership,
    event: {
      type: "organisation.adhesion_received",
      payload: {
        organisationId: input.organisationId.toHexString(),
        receivedOn: membership.receivedOn,
        operativeFrom: membership.operativeFrom,
      },
    },
  });
  return { membership, organisationName: org.name };
}

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
