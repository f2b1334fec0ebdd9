import { ObjectId } from "mongodb";
import { getAgreement } from "../agreements/queries.ts";
import { isOrganiser } from "../meetings/access.ts";
import { latestMembership } from "../memberships/queries.ts";
import { membershipStatus } from "../memberships/status.ts";
import { personExists } from "../people/queries.ts";
import type { Actor, Ctx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import { AppError } from "../shared/errors.ts";
import { isAgreementAdmin, requireActor } from "../shared/policy.ts";
import type { TableDoc } from "../tables/documents.ts";
import { getTable } from "../tables/queries.ts";
import { steeringTableOf } from "../tables/steering.ts";
import { canSeeConfidential } from "../tables/visibility.ts";
import type { ActivityDoc, ActivityStatus, WorkPlanDoc } from "./documents.ts";

/** Whose plan: a table's (`table` set), or the agreement's own (`table: null`). */
export type PlanScope = { agreementId: ObjectId; tableId: ObjectId | null; table: TableDoc | null };

export type ScopeRef = { tableId: ObjectId } | { agreementId: ObjectId };

/** The plan's scope from a route's id, or not_found. */
export async function resolveScope(ctx: Ctx, ref: ScopeRef): Promise<PlanScope> {
  if ("tableId" in ref) {
    const table = await getTable({ ctx, input: { id: ref.tableId } });
    return { agreementId: table.agreementId, tableId: table._id, table };
  }
  const agreement = await getAgreement({ ctx, input: { id: ref.agreementId } });
  return { agreementId: agreement._id, tableId: null, table: null };
}

/** A table's plan is written by its coordinators and the agreement's admins; the agreement's by its admins. */
export function canEdit(actor: Actor | null, scope: PlanScope): boolean {
  return scope.table ? isOrganiser(actor, scope.table) : isAgreementAdmin(actor, scope.agreementId);
}

export function requireEditor(ctx: Ctx, scope: PlanScope): Actor {
  const actor = requireActor(ctx);
  if (!canEdit(actor, scope))
    throw new AppError("forbidden", { requiredRole: scope.table ? "table_coordinator" : "agreement_admin" });
  return actor;
}

/**
 * DOMAIN rule 10: a table's confidential activities are for its members; the agreement's own plan's for
 * its admins and the steering table's members.
 */
export async function seesConfidential(ctx: Ctx, scope: PlanScope): Promise<boolean> {
  if (scope.table) return canSeeConfidential(ctx, scope.table);
  if (isAgreementAdmin(ctx.actor, scope.agreementId)) return true;
  const steering = await steeringTableOf(ctx, scope.agreementId);
  return steering ? canSeeConfidential(ctx, steering) : false;
}

/**
 * The steering body decides on presented plans: a coordinator of the agreement's steering table, or an
 * agreement admin (the only deciders when the agreement has no steering table). Returns that table.
 */
export async function requireDecider(ctx: Ctx, agreementId: ObjectId) {
  const actor = requireActor(ctx);
  const steering = await steeringTableOf(ctx, agreementId);
  const coordinates = !!steering && actor.coordinatorOf.includes(steering._id.toHexString());
  if (!coordinates && !isAgreementAdmin(actor, agreementId))
    throw new AppError("forbidden", { requiredRole: "steering_table_coordinator" });
  return { actor, steering };
}

/** "100 when completata": a completed activity at less than 100% is refused, not silently changed. */
export function checkProgress(status: ActivityStatus, progress: number, path: string): void {
  if (status === "completata" && progress !== 100)
    throw new AppError("validation_failed", [
      { path, message: "un'attività completata è al 100% / a completed activity is at 100%" },
    ]);
}

export type ActivityInput = {
  id?: ObjectId;
  title: string;
  description: string;
  ownerOrganisationId: ObjectId | null;
  ownerPersonId: ObjectId | null;
  startOn: string;
  dueOn: string;
  status: ActivityStatus;
  progress: number;
  theme?: { code: string; title: string } | null;
  confidential: boolean;
};

/**
 * Checks a draft's activities against the data (dates in order, owners that exist and belong to the
 * agreement) before anything is written; `theme` absent takes the table's.
 */
export async function checkActivities(ctx: Ctx, scope: PlanScope, inputs: ActivityInput[]): Promise<void> {
  const today = romeDate(ctx.now());
  for (const [i, a] of inputs.entries()) {
    if (a.dueOn < a.startOn) throw new AppError("date_order", { path: `activities.${i}.dueOn` });
    checkProgress(a.status, a.progress, `activities.${i}.progress`);
    if (a.ownerOrganisationId) {
      const membership = await latestMembership(ctx, scope.agreementId, a.ownerOrganisationId);
      if (!membership || membershipStatus(membership, today) === "withdrawn")
        throw new AppError("work_plan_owner_not_member", {
          path: `activities.${i}.ownerOrganisationId`,
          organisationId: a.ownerOrganisationId.toHexString(),
        });
    }
    if (a.ownerPersonId && !(await personExists(ctx, a.ownerPersonId)))
      throw new AppError("validation_failed", [
        { path: `activities.${i}.ownerPersonId`, message: "persona inesistente / no such person" },
      ]);
  }
}

/**
 * The draft's new activities: an `id` names one of the draft's activities (its progress history is kept),
 * any other id is refused; no id is a new activity.
 */
export function buildActivities(
  scope: PlanScope,
  inputs: ActivityInput[],
  current: ActivityDoc[],
): ActivityDoc[] {
  const byId = new Map(current.map((a) => [a._id.toHexString(), a]));
  return inputs.map((a, i) => {
    const kept = a.id ? byId.get(a.id.toHexString()) : undefined;
    if (a.id && !kept)
      throw new AppError("validation_failed", [
        {
          path: `activities.${i}.id`,
          message: "attività non presente nella bozza / not an activity of the draft",
        },
      ]);
    return {
      _id: kept?._id ?? new ObjectId(),
      title: a.title,
      description: a.description,
      ownerOrganisationId: a.ownerOrganisationId,
      ownerPersonId: a.ownerPersonId,
      startOn: a.startOn,
      dueOn: a.dueOn,
      status: a.status,
      progress: a.progress,
      theme: a.theme === undefined ? (scope.table?.theme ?? null) : a.theme,
      confidential: a.confidential === true,
      progressHistory: kept?.progressHistory ?? [],
    };
  });
}

/** The unique key a scope's one draft carries. */
export function draftKeyOf(scope: Pick<PlanScope, "agreementId" | "tableId">): string {
  return `${scope.agreementId.toHexString()}:${scope.tableId?.toHexString() ?? "agreement"}`;
}

/** A new draft version of the scope's plan: the first one, or a copy of the latest (`basedOnId`). */
export function newDraft(
  scope: Pick<PlanScope, "agreementId" | "tableId">,
  actor: Actor,
  now: Date,
  from: Pick<WorkPlanDoc, "version" | "activities" | "basedOnId">,
): WorkPlanDoc {
  return {
    _id: new ObjectId(),
    agreementId: scope.agreementId,
    tableId: scope.tableId,
    ...from,
    state: "bozza",
    draftKey: draftKeyOf(scope),
    presentation: null,
    decision: null,
    supersededById: null,
    supersededAt: null,
    createdById: actor.personId,
    createdByName: actor.name,
    createdAt: now,
    updatedAt: now,
  };
}

/** Overdue: due before today and neither completed nor cancelled. */
export function isOverdue(a: Pick<ActivityDoc, "dueOn" | "status">, today: string): boolean {
  return a.dueOn < today && a.status !== "completata" && a.status !== "annullata";
}
