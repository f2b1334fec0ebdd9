import type { ActivityDoc, WorkPlanDoc } from "./documents.ts";
import { isOverdue } from "./rules.ts";

/** What the viewer may see and the names to show. */
export type PlanView = {
  /** Inside the table (or, for the agreement's plan, its admins and steering table): sees confidential text. */
  member: boolean;
  orgs: Map<string, string>;
  people: Map<string, string>;
  today: string;
};

/** Shown instead of a confidential activity's title outside the table. */
export const CONFIDENTIAL_ACTIVITY = "Attività riservata";

function presentActivity(a: ActivityDoc, view: PlanView) {
  const hidden = a.confidential && !view.member;
  return {
    id: a._id.toHexString(),
    title: hidden ? CONFIDENTIAL_ACTIVITY : a.title,
    description: hidden ? "" : a.description,
    ownerOrganisationId: a.ownerOrganisationId?.toHexString() ?? null,
    ownerOrganisationName: a.ownerOrganisationId
      ? (view.orgs.get(a.ownerOrganisationId.toHexString()) ?? null)
      : null,
    ownerPersonId: a.ownerPersonId?.toHexString() ?? null,
    ownerPersonName: a.ownerPersonId ? (view.people.get(a.ownerPersonId.toHexString()) ?? null) : null,
    startOn: a.startOn,
    dueOn: a.dueOn,
    status: a.status,
    progress: a.progress,
    overdue: isOverdue(a, view.today),
    theme: a.theme,
    confidential: a.confidential,
    progressHistory: a.progressHistory.map((h) => ({
      at: h.at.toISOString(),
      on: h.on,
      by: { id: h.byId.toHexString(), name: h.byName },
      from: h.from,
      to: h.to,
      note: hidden ? null : h.note,
    })),
  };
}

/** JSON view of one version. */
export function presentWorkPlan(doc: WorkPlanDoc, view: PlanView) {
  return {
    id: doc._id.toHexString(),
    agreementId: doc.agreementId.toHexString(),
    tableId: doc.tableId?.toHexString() ?? null,
    version: doc.version,
    revision: doc.revision ?? 0,
    state: doc.state,
    activities: doc.activities.map((a) => presentActivity(a, view)),
    basedOnId: doc.basedOnId?.toHexString() ?? null,
    presentation: doc.presentation && {
      at: doc.presentation.at.toISOString(),
      by: { id: doc.presentation.byId.toHexString(), name: doc.presentation.byName },
      steeringTableId: doc.presentation.steeringTableId?.toHexString() ?? null,
    },
    decision: doc.decision && {
      outcome: doc.decision.outcome,
      at: doc.decision.at.toISOString(),
      by: { id: doc.decision.byId.toHexString(), name: doc.decision.byName },
      meetingId: doc.decision.meetingId?.toHexString() ?? null,
      note: doc.decision.note,
    },
    supersededById: doc.supersededById?.toHexString() ?? null,
    supersededAt: doc.supersededAt?.toISOString() ?? null,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

export type WorkPlanView = ReturnType<typeof presentWorkPlan>;

/** The fields every work-plan event carries: ids, numbers, state; never an activity's text. */
export function eventFields(doc: WorkPlanDoc) {
  return {
    workPlanId: doc._id.toHexString(),
    agreementId: doc.agreementId.toHexString(),
    tableId: doc.tableId?.toHexString() ?? null,
    version: doc.version,
    activities: doc.activities.length,
    state: doc.state,
  };
}

/** The version as an audit entry keeps it: without people's names (erasure reaches them in one place). */
export function auditedPlan(doc: WorkPlanDoc) {
  return {
    state: doc.state,
    version: doc.version,
    activities: doc.activities.map(({ progressHistory: _h, ...a }) => a),
  };
}
