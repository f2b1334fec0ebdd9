import type { z } from "@hono/zod-openapi";
import { ObjectId } from "mongodb";
import { getAgreement } from "../agreements/queries.ts";
import { checkBackdating } from "../shared/backdating.ts";
import type { Ctx } from "../shared/context.ts";
import { addDays, romeDate } from "../shared/dates.ts";
import { AppError, refusingDuplicates } from "../shared/errors.ts";
import { isAgreementAdmin, requireActingFor } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import type { adhesionInput } from "./contracts.ts";
import type { MembershipDoc } from "./documents.ts";
import { latestMembership, requireOrganisation } from "./queries.ts";

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
