import { attachmentsOf } from "../attachments/index.ts";
import { newRouter } from "../http/env.ts";
import { creationKeyOf } from "../idempotency/index.ts";
import { parseId } from "../shared/schemas.ts";
import { getRoute, listRoute, logRoute, withdrawRoute } from "./contracts.ts";
import { logContribution } from "./log.ts";
import { getContribution, listTableContributions, presentOneContribution } from "./queries.ts";
import { withdrawContribution } from "./withdraw.ts";

/** Contributions: what organisations bring to a table, and their withdrawal. */
export function contributionRoutes() {
  const router = newRouter();
  router.openapi(logRoute, async (c) => {
    const ctx = c.get("ctx");
    const tableId = parseId(c.req.valid("param").id);
    const input = {
      tableId,
      ...c.req.valid("json"),
      source: "api" as const,
      idempotencyKey: creationKeyOf(c),
    };
    const doc = await logContribution({ ctx, input });
    return c.json(await presentOneContribution(ctx, doc), 201);
  });
  router.openapi(listRoute, async (c) => {
    const tableId = parseId(c.req.valid("param").id);
    const input = { tableId, ...c.req.valid("query") };
    return c.json(await listTableContributions({ ctx: c.get("ctx"), input }), 200);
  });
  router.openapi(getRoute, async (c) => {
    const ctx = c.get("ctx");
    const id = parseId(c.req.valid("param").id);
    const contribution = await getContribution({ ctx, input: { id } });
    return c.json({ ...contribution, attachments: await attachmentsOf(ctx, "contribution", id) }, 200);
  });
  router.openapi(withdrawRoute, async (c) => {
    const ctx = c.get("ctx");
    const doc = await withdrawContribution({ ctx, input: { id: parseId(c.req.valid("param").id) } });
    return c.json(await presentOneContribution(ctx, doc), 200);
  });
  return router;
}
