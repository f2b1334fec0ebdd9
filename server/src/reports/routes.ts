import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { contentDisposition } from "../attachments/file-name.ts";
import type { AppEnv } from "../http/env.ts";
import { newRouter } from "../http/env.ts";
import { creationKeyOf } from "../idempotency/index.ts";
import { parseId } from "../shared/schemas.ts";
import {
  agreementReportRoute,
  getIssuedReportRoute,
  issueAgreementReportRoute,
  issueTableReportRoute,
  listAgreementReportsRoute,
  listTableReportsRoute,
  type REPORT_FORMATS,
  reportJsonSchemaRoute,
  reportSchema,
  tableReportRoute,
} from "./contracts.ts";
import { pickSection, reportOds, reportZip, sectionCsv } from "./formats.ts";
import { issueReport } from "./issue.ts";
import { type Report, reportFileName } from "./model.ts";
import { reportPdf } from "./pdf.ts";
import type { PeriodQuery } from "./period.ts";
import { getIssuedReport, listIssuedReports, liveReport, presentIssued } from "./queries.ts";

type Format = (typeof REPORT_FORMATS)[number];

const download = (c: Context<AppEnv>, body: Uint8Array | string, type: string, name: string) =>
  c.body(typeof body === "string" ? body : new Uint8Array(body), 200, {
    "Content-Type": type,
    "Content-Disposition": contentDisposition(name),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  });

/** The report in the format asked (JSON is the body itself; every other format is a download). */
async function render(c: Context<AppEnv>, report: Report, format: Format, section: string | undefined) {
  switch (format) {
    case "json":
      return c.json(report, 200, { "Cache-Control": "private, no-store" });
    case "csv": {
      const picked = pickSection(report, section);
      return download(
        c,
        sectionCsv(picked),
        "text/csv; charset=utf-8",
        reportFileName(report, "csv", picked.key),
      );
    }
    case "zip":
      return download(c, reportZip(report), "application/zip", reportFileName(report, "zip"));
    case "ods":
      return download(
        c,
        reportOds(report),
        "application/vnd.oasis.opendocument.spreadsheet",
        reportFileName(report, "ods"),
      );
    case "pdf":
      return download(c, await reportPdf(report), "application/pdf", reportFileName(report, "pdf"));
  }
}

function periodQuery(q: {
  preset?: PeriodQuery["preset"];
  year?: number;
  half?: "1" | "2";
  from?: string;
  to?: string;
}): PeriodQuery {
  return {
    preset: q.preset,
    year: q.year,
    half: q.half === undefined ? undefined : q.half === "1" ? 1 : 2,
    from: q.from,
    to: q.to,
  };
}

/** Periodic reports: live in every format, issued (frozen) and listed, and the JSON Schema of the JSON. */
export function reportRoutes() {
  const router = newRouter();
  router.openapi(agreementReportRoute, async (c) => {
    const { format, section, ...q } = c.req.valid("query");
    const ref = { agreementId: parseId(c.req.valid("param").id) };
    const report = await liveReport({ ctx: c.get("ctx"), input: { ref, query: periodQuery(q) } });
    return render(c, report, format, section) as never;
  });
  router.openapi(tableReportRoute, async (c) => {
    const { format, section, ...q } = c.req.valid("query");
    const ref = { tableId: parseId(c.req.valid("param").id) };
    const report = await liveReport({ ctx: c.get("ctx"), input: { ref, query: periodQuery(q) } });
    return render(c, report, format, section) as never;
  });
  router.openapi(issueAgreementReportRoute, async (c) => {
    const ctx = c.get("ctx");
    const ref = { agreementId: parseId(c.req.valid("param").id) };
    const doc = await issueReport({
      ctx,
      input: { ref, query: c.req.valid("json"), idempotencyKey: creationKeyOf(c) },
    });
    return c.json(await presentIssued(ctx, doc), 201);
  });
  router.openapi(issueTableReportRoute, async (c) => {
    const ctx = c.get("ctx");
    const ref = { tableId: parseId(c.req.valid("param").id) };
    const doc = await issueReport({
      ctx,
      input: { ref, query: c.req.valid("json"), idempotencyKey: creationKeyOf(c) },
    });
    return c.json(await presentIssued(ctx, doc), 201);
  });
  router.openapi(listAgreementReportsRoute, async (c) => {
    const ref = { agreementId: parseId(c.req.valid("param").id) };
    return c.json(await listIssuedReports({ ctx: c.get("ctx"), input: { ref } }), 200);
  });
  router.openapi(listTableReportsRoute, async (c) => {
    const ref = { tableId: parseId(c.req.valid("param").id) };
    return c.json(await listIssuedReports({ ctx: c.get("ctx"), input: { ref } }), 200);
  });
  router.openapi(getIssuedReportRoute, async (c) => {
    const { format, section } = c.req.valid("query");
    const report = await getIssuedReport({
      ctx: c.get("ctx"),
      input: { id: parseId(c.req.valid("param").id) },
    });
    return render(c, report, format, section) as never;
  });
  router.openapi(reportJsonSchemaRoute, (c) => c.json(REPORT_JSON_SCHEMA, 200));
  return router;
}

/** The JSON Schema of `format=json`, from the same zod schema as the OpenAPI component. */
export const REPORT_JSON_SCHEMA = {
  $id: "tavoli-report/1",
  title: "Tavoli periodic report",
  ...z.toJSONSchema(reportSchema, { io: "output", unrepresentable: "any" }),
} as Record<string, unknown>;
