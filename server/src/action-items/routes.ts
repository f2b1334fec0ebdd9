import { newRouter } from "../http/env.ts";
import { parseId } from "../shared/schemas.ts";
import { myListRoute, organisationListRoute, statusRoute, tableListRoute } from "./contracts.ts";
import {
  listMyActionItems,
  listOrganisationActionItems,
  listTableActionItems,
  presentActionItems,
} from "./queries.ts";
import { setActionItemStatus } from "./set-status.ts";

/** Action items across sittings: the lists (overdue ones too) and the status changes. */
export function actionItemRoutes() {
  const router = newRouter();
  router.openapi(tableListRoute, async (c) => {
    const input = { tableId: parseId(c.req.valid("param").id), ...c.req.valid("query") };
    return c.json(await listTableActionItems({ ctx: c.get("ctx"), input }), 200);
  });
  router.openapi(organisationListRoute, async (c) => {
    const input = { organisationId: parseId(c.req.valid("param").id), ...c.req.valid("query") };
    return c.json(await listOrganisationActionItems({ ctx: c.get("ctx"), input }), 200);
  });
  router.openapi(myListRoute, async (c) => {
    return c.json(await listMyActionItems({ ctx: c.get("ctx"), input: c.req.valid("query") }), 200);
  });
  router.openapi(statusRoute, async (c) => {
    const ctx = c.get("ctx");
    const input = { id: parseId(c.req.valid("param").id), ...c.req.valid("json") };
    const [item] = await presentActionItems(ctx, [await setActionItemStatus({ ctx, input })]);
    return c.json(item, 200);
  });
  return router;
}
