import { newRouter } from "../http/env.ts";
import { listAuditRoute } from "./contracts.ts";
import { listAudit, presentAudit } from "./queries.ts";

/** Read access to the audit log. */
export function auditRoutes() {
  const router = newRouter();
  router.openapi(listAuditRoute, async (c) => {
    const page = await listAudit({ ctx: c.get("ctx"), input: c.req.valid("query") });
    return c.json({ items: page.items.map(presentAudit), nextCursor: page.nextCursor }, 200);
  });
  return router;
}
