import type { ObjectId } from "mongodb";
import { latestMembership } from "../memberships/queries.ts";
import { membershipStatus } from "../memberships/status.ts";
import type { Actor, Ctx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import { AppError } from "../shared/errors.ts";
import { isAgreementAdmin, requireActingFor, requireActor } from "../shared/policy.ts";
import { findTable } from "../tables/queries.ts";
import type { ServiceDoc } from "./documents.ts";

/** Provider and subscribers are members of the agreement today (operative, or withdrawing with notice running). */
export async function requireMember(
  ctx: Ctx,
  agreementId: ObjectId,
  organisationId: ObjectId,
): Promise<void> {
  const membership = await latestMembership(ctx, agreementId, organisationId);
  const status = membership ? membershipStatus(membership, romeDate(ctx.now())) : null;
  if (status !== "operative" && status !== "withdrawing")
    throw new AppError("service_organisation_not_member", {
      organisationId: organisationId.toHexString(),
      agreementId: agreementId.toHexString(),
    });
}

/** A service's table, when named, is one of its agreement's tables. */
export async function requireTableOfAgreement(ctx: Ctx, agreementId: ObjectId, tableId: ObjectId | null) {
  if (!tableId) return;
  const table = await findTable(ctx, tableId);
  if (!table?.agreementId.equals(agreementId))
    throw new AppError("service_table_not_of_agreement", { tableId: tableId.toHexString() });
}

/** True for the provider's referents (they describe their own service and report its availability). */
export function isProviderReferent(actor: Actor, service: ServiceDoc): boolean {
  return actor.referentFor.includes(service.providerId.toHexString());
}

/** The agreement's admins, or the provider's referents: who records the service's availability. */
export function requireProviderOrAdmin(ctx: Ctx, service: ServiceDoc): Actor {
  const actor = requireActor(ctx);
  if (isAgreementAdmin(actor, service.agreementId) || isProviderReferent(actor, service)) return actor;
  throw new AppError("forbidden", { requiredRole: "agreement_admin_or_provider_referent" });
}

/**
 * Subscribing is the organisation's own act (DOMAIN rule 4): its referents do it; the agreement's admins
 * may record it for any member, as they record a received adhesion. Others: `other_organisation`.
 */
export function requireSubscriberActor(ctx: Ctx, service: ServiceDoc, organisationId: ObjectId): Actor {
  return requireActingFor(ctx, organisationId, { agreementId: service.agreementId, agreementAdminMay: true });
}
