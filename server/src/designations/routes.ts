import { newRouter } from "../http/env.ts";
import { parseId } from "../shared/schemas.ts";
import {
  designateRoute,
  endDesignationRoute,
  organisationDesignationsRoute,
  substituteRoute,
  tableDesignationsRoute,
} from "./contracts.ts";
import { designateReferent } from "./designate.ts";
import { endDesignation } from "./end.ts";
import { presentDesignation, presentDesignations } from "./present.ts";
import { listOrganisationDesignations, listTableDesignations } from "./queries.ts";
import { substituteReferent } from "./substitute.ts";

/** Designations of referents: who represents which organisation on which table, from when to when. */
export function designationRoutes() {
  const router = newRouter();
  router.openapi(tableDesignationsRoute, async (c) => {
    const ctx = c.get("ctx");
    const input = { tableId: parseId(c.req.valid("param").id), on: c.req.valid("query").on };
    const { on, items } = await listTableDesignations({ ctx, input });
    return c.json({ on, items: await presentDesignations(ctx, items) }, 200);
  });
  router.openapi(designateRoute, async (c) => {
    const ctx = c.get("ctx");
    const input = { tableId: parseId(c.req.valid("param").id), designation: c.req.valid("json") };
    return c.json(await presentDesignation(ctx, await designateReferent({ ctx, input })), 201);
  });
  router.openapi(substituteRoute, async (c) => {
    const ctx = c.get("ctx");
    const input = { id: parseId(c.req.valid("param").id), ...c.req.valid("json") };
    const { next } = await substituteReferent({ ctx, input });
    return c.json(await presentDesignation(ctx, next), 201);
  });
  router.openapi(endDesignationRoute, async (c) => {
    const ctx = c.get("ctx");
    const input = { id: parseId(c.req.valid("param").id), to: c.req.valid("json").to };
    return c.json(await presentDesignation(ctx, await endDesignation({ ctx, input })), 200);
  });
  router.openapi(organisationDesignationsRoute, async (c) => {
    const ctx = c.get("ctx");
    const input = { organisationId: parseId(c.req.valid("param").id), ...c.req.valid("query") };
    const page = await listOrganisationDesignations({ ctx, input });
    return c.json({ items: await presentDesignations(ctx, page.items), nextCursor: page.nextCursor }, 200);
  });
  return router;
}
