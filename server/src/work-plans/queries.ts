import type { ObjectId } from "mongodb";
import { organisationNames } from "../organisations/queries.ts";
import { personNames } from "../people/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { type IsoDate, romeDate } from "../shared/dates.ts";
import { AppError } from "../shared/errors.ts";
import { requireActor } from "../shared/policy.ts";
import type { WorkPlanDoc } from "./documents.ts";
import { presentWorkPlan, type WorkPlanView } from "./present.ts";
import { type PlanScope, resolveScope, type ScopeRef, seesConfidential } from "./rules.ts";

/** Finds a version or throws not_found. */
export async function loadWorkPlan(ctx: Ctx, id: ObjectId): Promise<WorkPlanDoc> {
  const doc = await ctx.c.workPlans.findOne({ _id: id });
  if (!doc) throw new AppError("not_found", { entity: "work_plan", id: id.toHexString() });
  return doc;
}

/** Every version of the scope's plan, newest first. */
export function versionsOf(
  ctx: Ctx,
  scope: Pick<PlanScope, "agreementId" | "tableId">,
): Promise<WorkPlanDoc[]> {
  return ctx.c.workPlans
    .find({ agreementId: scope.agreementId, tableId: scope.tableId })
    .sort({ version: -1 })
    .toArray();
}

/** The draft, the version awaiting a decision and the version in force, from the newest-first versions. */
export function currentOf(versions: WorkPlanDoc[]) {
  return {
    draft: versions.find((v) => v.state === "bozza") ?? null,
    presented: versions.find((v) => v.state === "presentata") ?? null,
    inForce: versions.find((v) => v.state === "approvata") ?? null,
  };
}

/** Presents versions for the acting person: names resolved, confidential activities hidden from outsiders. */
async function presentAll(ctx: Ctx, scope: PlanScope, docs: WorkPlanDoc[]): Promise<WorkPlanView[]> {
  const member = await seesConfidential(ctx, scope);
  const activities = docs.flatMap((d) => d.activities);
  const orgs = await organisationNames(
    ctx,
    activities.flatMap((a) => (a.ownerOrganisationId ? [a.ownerOrganisationId] : [])),
  );
  const people = await personNames(
    ctx,
    activities.flatMap((a) => (a.ownerPersonId ? [a.ownerPersonId] : [])),
  );
  const today = romeDate(ctx.now());
  return docs.map((doc) => presentWorkPlan(doc, { member, orgs, people, today }));
}

/** One version as the acting person may see it (logged-in people). */
export async function getWorkPlan({ ctx, input }: { ctx: Ctx; input: { id: ObjectId } }) {
  requireActor(ctx);
  const doc = await loadWorkPlan(ctx, input.id);
  const scope = await resolveScope(
    ctx,
    doc.tableId ? { tableId: doc.tableId } : { agreementId: doc.agreementId },
  );
  const [view] = await presentAll(ctx, scope, [doc]);
  return view as WorkPlanView;
}

/** The scope's draft, presented and in-force versions (logged-in people). */
export async function getCurrentWorkPlan({ ctx, input }: { ctx: Ctx; input: ScopeRef }) {
  requireActor(ctx);
  const scope = await resolveScope(ctx, input);
  const { draft, presented, inForce } = currentOf(await versionsOf(ctx, scope));
  const docs = [draft, presented, inForce];
  const views = await presentAll(
    ctx,
    scope,
    docs.filter((d): d is WorkPlanDoc => d !== null),
  );
  const viewOf = (doc: WorkPlanDoc | null) =>
    doc ? (views.find((v) => v.id === doc._id.toHexString()) ?? null) : null;
  return { draft: viewOf(draft), presented: viewOf(presented), inForce: viewOf(inForce) };
}

/** The history of the scope's plan: every version, newest first (logged-in people). */
export async function listWorkPlanVersions({ ctx, input }: { ctx: Ctx; input: ScopeRef }) {
  requireActor(ctx);
  const scope = await resolveScope(ctx, input);
  return { items: await presentAll(ctx, scope, await versionsOf(ctx, scope)) };
}

/** When a work plan of the agreement (any table's or its own) was first presented to the steering body. */
export async function firstPresentationOf(ctx: Ctx, agreementId: ObjectId): Promise<Date | null> {
  const [first] = await ctx.c.workPlans
    .find({ agreementId, presentation: { $ne: null } }, { projection: { presentation: 1 } })
    .sort({ "presentation.at": 1 })
    .limit(1)
    .toArray();
  return first?.presentation?.at ?? null;
}

/**
 * The versions in force at the end of a day, one per plan (a table's or the agreement's own): approved
 * by then and not yet superseded by a later approval. No access check: for reports, which filter.
 */
export async function plansInForceOn(ctx: Ctx, agreementId: ObjectId, on: IsoDate): Promise<WorkPlanDoc[]> {
  const approved = await ctx.c.workPlans
    .find({ agreementId, "decision.outcome": "approvata" })
    .sort({ version: -1 })
    .toArray();
  const inForce = approved.filter(
    (p) =>
      p.decision !== null &&
      romeDate(p.decision.at) <= on &&
      (p.supersededAt === null || romeDate(p.supersededAt) > on),
  );
  const seen = new Set<string>();
  return inForce.filter((p) => {
    const key = p.tableId?.toHexString() ?? "agreement";
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
