import { newRouter } from "../http/env.ts";
import { parseId } from "../shared/schemas.ts";
import { listDeliveriesRoute, retryDeliveryRoute } from "./contracts.ts";
import { presentDelivery } from "./present.ts";
import { listDeliveries } from "./queries.ts";
import { retryDelivery } from "./retry.ts";

/** The dispatcher's queue for installation admins: what is waiting or dead, and retrying the dead. */
export function dispatchRoutes() {
  const router = newRouter();
  router.openapi(listDeliveriesRoute, async (c) => {
    const page = await listDeliveries({ ctx: c.get("ctx"), input: c.req.valid("query") });
    return c.json({ items: page.items.map(presentDelivery), nextCursor: page.nextCursor }, 200);
  });
  router.openapi(retryDeliveryRoute, async (c) => {
    const id = parseId(c.req.valid("param").id);
    return c.json(presentDelivery(await retryDelivery({ ctx: c.get("ctx"), input: { id } })), 200);
  });
  return router;
}
