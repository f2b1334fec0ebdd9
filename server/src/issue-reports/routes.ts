import { attachmentsOf } from "../attachments/index.ts";
import { newRouter } from "../http/env.ts";
import { creationKeyOf } from "../idempotency/index.ts";
import { parseId } from "../shared/schemas.ts";
import { assignIssueReport } from "./assign.ts";
import { commentIssueReport } from "./comment.ts";
import {
  assignRoute,
  commentRoute,
  getRoute,
  listRoute,
  queueRoute,
  raiseRoute,
  triageRoute,
} from "./contracts.ts";
import { getIssueReport, listTableIssueReports } from "./queries.ts";
import { escalationQueue } from "./queue.ts";
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
    // A redacted report's files stay with its table, as its text does (DOMAIN rule 10).
    const attachments = report.redacted ? [] : await attachmentsOf(ctx, "issue_report", id);
    return c.json({ ...report, attachments }, 200);
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
  router.openapi(assignRoute, async (c) => {
    const ctx = c.get("ctx");
    const input = { id: parseId(c.req.valid("param").id), personId: c.req.valid("json").personId };
    const report = await assignIssueReport({ ctx, input });
    return c.json(await getIssueReport({ ctx, input: { id: report._id } }), 200);
  });
  router.openapi(commentRoute, async (c) => {
    const ctx = c.get("ctx");
    const input = {
      id: parseId(c.req.valid("param").id),
      text: c.req.valid("json").text,
      idempotencyKey: creationKeyOf(c),
    };
    const report = await commentIssueReport({ ctx, input });
    return c.json(await getIssueReport({ ctx, input: { id: report._id } }), 201);
  });
  router.openapi(queueRoute, async (c) => {
    const input = { agreementId: parseId(c.req.valid("param").id), state: c.req.valid("query").state };
    return c.json(await escalationQueue({ ctx: c.get("ctx"), input }), 200);
  });
  return router;
}
