import type { ObjectId } from "mongodb";
import { newRouter } from "../http/env.ts";
import { creationKeyOf } from "../idempotency/index.ts";
import { parseId } from "../shared/schemas.ts";
import {
  agreementPlanRoutes,
  approveRoute,
  getRoute,
  progressRoute,
  rejectRoute,
  tablePlanRoutes,
} from "./contracts.ts";
import { decideWorkPlan } from "./decide.ts";
import { startWorkPlanVersion } from "./new-version.ts";
import { presentWorkPlanToSteering } from "./present-to-steering.ts";
import { getCurrentWorkPlan, getWorkPlan, listWorkPlanVersions } from "./queries.ts";
import { recordActivityProgress } from "./record-progress.ts";
import type { ScopeRef } from "./rules.ts";
import { saveWorkPlanDraft } from "./save-draft.ts";

type Router = ReturnType<typeof newRouter>;

/** The same five routes for a table's plan and for the agreement's own, told apart by how the id scopes. */
function mountScoped(router: Router, routes: typeof tablePlanRoutes, scopeOf: (id: ObjectId) => ScopeRef) {
  router.openapi(routes.get, async (c) => {
    const input = scopeOf(parseId(c.req.valid("param").id));
    return c.json(await getCurrentWorkPlan({ ctx: c.get("ctx"), input }), 200);
  });
  router.openapi(routes.put, async (c) => {
    const ctx = c.get("ctx");
    const scope = scopeOf(parseId(c.req.valid("param").id));
    const plan = await saveWorkPlanDraft({ ctx, input: { scope, ...c.req.valid("json") } });
    return c.json(await getWorkPlan({ ctx, input: { id: plan._id } }), 200);
  });
  router.openapi(routes.present, async (c) => {
    const ctx = c.get("ctx");
    const scope = scopeOf(parseId(c.req.valid("param").id));
    const plan = await presentWorkPlanToSteering({ ctx, input: { scope } });
    return c.json(await getWorkPlan({ ctx, input: { id: plan._id } }), 200);
  });
  router.openapi(routes.newVersion, async (c) => {
    const ctx = c.get("ctx");
    const scope = scopeOf(parseId(c.req.valid("param").id));
    const plan = await startWorkPlanVersion({ ctx, input: { scope, idempotencyKey: creationKeyOf(c) } });
    return c.json(await getWorkPlan({ ctx, input: { id: plan._id } }), 201);
  });
  router.openapi(routes.versions, async (c) => {
    const input = scopeOf(parseId(c.req.valid("param").id));
    return c.json(await listWorkPlanVersions({ ctx: c.get("ctx"), input }), 200);
  });
}

/** Work plans (piani di lavoro): drafted by a table, presented to the steering body, approved, monitored. */
export function workPlanRoutes() {
  const router = newRouter();
  mountScoped(router, tablePlanRoutes, (tableId) => ({ tableId }));
  mountScoped(router, agreementPlanRoutes, (agreementId) => ({ agreementId }));
  for (const [route, outcome] of [
    [approveRoute, "approvata"],
    [rejectRoute, "respinta"],
  ] as const)
    router.openapi(route, async (c) => {
      const ctx = c.get("ctx");
      const id = parseId(c.req.valid("param").id);
      const plan = await decideWorkPlan({ ctx, input: { id, outcome, ...c.req.valid("json") } });
      return c.json(await getWorkPlan({ ctx, input: { id: plan._id } }), 200);
    });
  router.openapi(getRoute, async (c) => {
    const id = parseId(c.req.valid("param").id);
    return c.json(await getWorkPlan({ ctx: c.get("ctx"), input: { id } }), 200);
  });
  router.openapi(progressRoute, async (c) => {
    const ctx = c.get("ctx");
    const params = c.req.valid("param");
    const plan = await recordActivityProgress({
      ctx,
      input: { id: parseId(params.id), activityId: parseId(params.activityId), ...c.req.valid("json") },
    });
    return c.json(await getWorkPlan({ ctx, input: { id: plan._id } }), 200);
  });
  return router;
}
