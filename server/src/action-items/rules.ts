import type { Actor, Ctx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import { AppError } from "../shared/errors.ts";
import { isAgreementAdmin, requireActor } from "../shared/policy.ts";
import type { TableDoc } from "../tables/documents.ts";
import type { ActionItemDoc, ActionItemStatus } from "./documents.ts";

/**
 * Where an item may go from each status. Done can be reopened (the check at the next sitting finds it
 * was not done after all), by the same people who may close it; a cancelled item stays cancelled, and
 * a new one is decided in new minutes instead.
 */
export const ACTION_ITEM_TRANSITIONS: Record<ActionItemStatus, readonly ActionItemStatus[]> = {
  aperta: ["completata", "annullata"],
  completata: ["aperta"],
  annullata: [],
};

/** Open and past its due day (today in Europe/Rome). */
export function isOverdue(item: Pick<ActionItemDoc, "status" | "due">, today: string): boolean {
  return item.status === "aperta" && item.due !== null && item.due < today;
}

/** The owner person, a referent of the owner's organisation (DOMAIN rule 4), the table's coordinators, the agreement's admins. */
export function mayChange(actor: Actor, item: ActionItemDoc, table: TableDoc): boolean {
  return (
    isAgreementAdmin(actor, table.agreementId) ||
    actor.coordinatorOf.includes(table._id.toHexString()) ||
    (item.ownerPersonId?.equals(actor.personId) ?? false) ||
    (item.ownerOrganisationId !== null && actor.referentFor.includes(item.ownerOrganisationId.toHexString()))
  );
}

/** The acting person, if mayChange; else 403 (`other_organisation` for a referent of another organisation). */
export function requireMayChange(ctx: Ctx, item: ActionItemDoc, table: TableDoc): Actor {
  const actor = requireActor(ctx);
  if (mayChange(actor, item, table)) return actor;
  if (actor.referentFor.length > 0 && item.ownerOrganisationId)
    throw new AppError("other_organisation", { organisationId: item.ownerOrganisationId.toHexString() });
  throw new AppError("forbidden", { requiredRole: "action_item_owner" });
}

/** A move ACTION_ITEM_TRANSITIONS allows, or 409 action_item_transition_invalid. */
export function requireTransition(item: ActionItemDoc, to: ActionItemStatus): void {
  if (!ACTION_ITEM_TRANSITIONS[item.status].includes(to))
    throw new AppError("action_item_transition_invalid", {
      status: item.status,
      requested: to,
      allowed: ACTION_ITEM_TRANSITIONS[item.status],
    });
}

/** A done day is today or before (Europe/Rome). */
export function requireNotFuture(ctx: Ctx, day: string): void {
  const today = romeDate(ctx.now());
  if (day > today) throw new AppError("date_in_future", { doneOn: day, today });
}
