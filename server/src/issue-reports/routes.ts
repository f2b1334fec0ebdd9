import { attachmentsOf } from "../attachments/index.ts";
import { newRouter } from "../http/env.ts";
import { creationKeyOf } from "../idempotency/index.ts";
import { parseId } from "../shared/schemas.ts";
import { getRoute, listRoute, raiseRoute, triageRoute } from "./contracts.ts";
import { getIssueReport, listTableIssueReports } from "./queries.ts";
import { raiseIssueReport } from "./raise.ts";
import { triageIssueReport } from "./triage.ts";

/** Issue reports (segnalazioni): raised by referents, triaged by the table, confidential ones kept inside it. */
export function issueReportRoutes() {
  const router = newRouter();
  router.openapi(raiseRoute, async (c) => {
    const ctx = c.get("ctx");
    const input = {
      tableId: parseId(c.req.valid("param").id),
      ...c.req.valid("json"),
      idempotencyKey: creationKeyOf(c),
    };
    const report = await raiseIssueReport({ ctx, input });
    return c.json(await getIssueReport({ ctx, input: { id: report._id } }), 201);
  });
  router.openapi(listRoute, async (c) => {
    const input = { tableId: parseId(c.req.valid("param").id), ...c.req.valid("query") };
    return c.json(await listTableIssueReports({ ctx: c.get("ctx"), input }), 200);
  });
  router.openapi(getRoute, async (c) => {
    const ctx = c.get("ctx");
    const id = parseId(c.req.valid("param").id);
    const report = await getIssueReport({ ctx, input: { id } });
    return c.json({ ...report, attachments: await attachmentsOf(ctx, "issue_report", id) }, 200);
  });
  router.openapi(triageRoute, async (c) => {
    const ctx = c.get("ctx");
    const { status, note } = c.req.valid("json");
    const report = await triageIssueReport({
      ctx,
      input: { id: parseId(c.req.valid("param").id), status, note: note ?? null },
    });
    return c.json(await getIssueReport({ ctx, input: { id: report._id } }), 200);
  });
  return router;
}
