import { newRouter } from "../http/env.ts";
import { parseId } from "../shared/schemas.ts";
import { getRulesRoute, listRoute, putRulesRoute } from "./contracts.ts";
import { getDeadlineRules, listAgreementDeadlines } from "./queries.ts";
import { updateDeadlineRules } from "./update-rules.ts";

/** Agreement deadlines: computed obligations and their configuration. */
export function deadlineRoutes() {
  const router = newRouter();
  router.openapi(listRoute, async (c) => {
    const agreementId = parseId(c.req.valid("param").id);
    return c.json(await listAgreementDeadlines({ ctx: c.get("ctx"), input: { agreementId } }), 200);
  });
  router.openapi(getRulesRoute, async (c) => {
    const agreementId = parseId(c.req.valid("param").id);
    return c.json(await getDeadlineRules({ ctx: c.get("ctx"), input: { agreementId } }), 200);
  });
  router.openapi(putRulesRoute, async (c) => {
    const ctx = c.get("ctx");
    const agreementId = parseId(c.req.valid("param").id);
    await updateDeadlineRules({ ctx, input: { agreementId, patch: c.req.valid("json") } });
    return c.json(await getDeadlineRules({ ctx, input: { agreementId } }), 200);
  });
  return router;
}
