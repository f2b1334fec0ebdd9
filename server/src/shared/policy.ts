import type { ObjectId } from "mongodb";
import type { Actor, Ctx } from "./context.ts";
import { AppError } from "./errors.ts";

/** The acting person, or 401. */
export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new AppError("unauthenticated");
  return ctx.actor;
}

/** Installation administrators only. */
export function requireInstallationAdmin(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!actor.isInstallationAdmin) throw new AppError("forbidden", { requiredRole: "installation_admin" });
  return actor;
}

/** True when the actor administers the agreement (installation admins administer every agreement). */
export function isAgreementAdmin(actor: Actor | null, agreementId: ObjectId): boolean {
  return !!actor && (actor.isInstallationAdmin || actor.agreementAdminOf.includes(agreementId.toHexString()));
}

/** Agreement administrators (or installation admins) only. */
export function requireAgreementAdmin(ctx: Ctx, agreementId: ObjectId): Actor {
  const actor = requireActor(ctx);
  if (!isAgreementAdmin(actor, agreementId))
    throw new AppError("forbidden", { requiredRole: "agreement_admin" });
  return actor;
}

/**
 * DOMAIN rule 4: a referent acts for their own organisation only. Installation admins may always act;
 * agreement admins only where `agreementAdminMay` (e.g. registering a received adhesion), never on the
 * organisation's own record.
 */
export function requireActingFor(
  ctx: Ctx,
  organisationId: ObjectId,
  options: { agreementId?: ObjectId; agreementAdminMay?: boolean } = {},
): Actor {
  const actor = requireActor(ctx);
  if (actor.isInstallationAdmin) return actor;
  if (actor.referentFor.includes(organisationId.toHexString())) return actor;
  if (options.agreementAdminMay && options.agreementId && isAgreementAdmin(actor, options.agreementId))
    return actor;
  if (actor.referentFor.length > 0)
    throw new AppError("other_organisation", { organisationId: organisationId.toHexString() });
  throw new AppError("forbidden");
}
