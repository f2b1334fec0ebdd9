import { createRoute, z } from "@hono/zod-openapi";
import { authenticated, errorsFor, jsonBody, jsonContent } from "../shared/openapi.ts";
import { idParam, isoDate } from "../shared/schemas.ts";

const tags = ["Reports"];

const PRESETS = ["semestrale", "annuale", "sal", "personalizzato"] as const;
export const REPORT_FORMATS = ["json", "csv", "zip", "ods", "pdf"] as const;

const localised = z.object({ it: z.string(), en: z.string() }).openapi("Localised");
const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]).openapi("ReportCell");

export const reportSectionSchema = z
  .object({
    key: z.string().openapi({
      description:
        "Stable name, also the CSV file and ODS sheet: meetings, attendance, quorum, contributions, …",
    }),
    title: localised,
    summary: z.array(z.object({ key: z.string(), label: localised, value: cell })).openapi({
      description: "Headline figures (printed before the section's table)",
    }),
    columns: z.array(z.object({ key: z.string(), label: localised })),
    rows: z
      .array(z.record(z.string(), cell))
      .openapi({ description: "One object per row, keyed by the columns' `key`" }),
    chart: z
      .object({
        title: localised,
        labelColumn: z.string(),
        valueColumn: z.string(),
        max: z.number().optional(),
      })
      .optional()
      .openapi({ description: "A bar chart the PDF draws: one bar per row" }),
  })
  .openapi("ReportSection");

const periodSchema = z
  .object({ from: z.string().openapi({ format: "date" }), to: z.string().openapi({ format: "date" }) })
  .openapi({ description: "Calendar days in Europe/Rome, both included" });

const reportFields = {
  schema: z.literal("tavoli-report/1"),
  id: z.string().nullable().openapi({ description: "The issued report's id; null for a live report" }),
  status: z.enum(["live", "issued"]),
  title: localised,
  agreement: z.object({ id: z.string(), title: z.string(), shortName: z.string() }),
  table: z
    .object({ id: z.string(), name: z.string() })
    .nullable()
    .openapi({ description: "null: the whole agreement" }),
  preset: z.enum(PRESETS),
  period: periodSchema,
  generatedAt: z.string().openapi({ format: "date-time" }),
  issuedAt: z.string().nullable().openapi({ format: "date-time" }),
  issuedBy: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
};

export const reportSchema = z
  .object({
    ...reportFields,
    confidentialTableIds: z.array(z.string()).openapi({
      description:
        "Tables whose confidential (riservato) content this copy may contain: those the reader may see",
    }),
    sections: z.array(reportSectionSchema),
  })
  .openapi("Report");

const issuedSummary = z.object(reportFields).openapi("IssuedReportSummary");

const reportQuery = z.object({
  preset: z.enum(PRESETS).optional().openapi({
    description:
      "semestrale (with year, half), annuale (with year), sal (since the previous issued report or the signing), personalizzato / none (from, to)",
  }),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  half: z.enum(["1", "2"]).optional().openapi({ description: "1 = 1 Jan–30 Jun, 2 = 1 Jul–31 Dec" }),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

const formatQuery = z.object({
  format: z.enum(REPORT_FORMATS).default("json").openapi({
    description:
      "json (the `Report` schema), csv (one section: `section`), zip (every CSV plus relazione.json), ods, pdf",
  }),
  section: z.string().max(60).optional().openapi({ description: "With format=csv: the section's key" }),
});

export const issueBody = z
  .strictObject({
    preset: z.enum(PRESETS),
    year: z.number().int().min(2000).max(2100).optional(),
    half: z.union([z.literal(1), z.literal(2)]).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .openapi("IssueReportInput");

const binary = { schema: { type: "string" as const, format: "binary" } };

const rendered = {
  description:
    "The report in the format asked: JSON (`Report`), CSV (UTF-8 with BOM, `;`-separated, decimal comma), zip, ODS or PDF (downloads: `Content-Disposition: attachment`)",
  content: {
    "application/json": { schema: reportSchema },
    "text/csv": binary,
    "application/zip": binary,
    "application/vnd.oasis.opendocument.spreadsheet": binary,
    "application/pdf": binary,
  },
};

const scopes = [
  { path: "/agreements/{id}/report", of: "the whole agreement (every table)" },
  { path: "/tables/{id}/report", of: "one table" },
] as const;

const readers =
  "For installation and agreement admins, the coordinators of any of the agreement's tables and the referents of its member organisations (403 otherwise). Confidential (riservato) content only of the tables the reader may see. ";

const liveRoute = (path: string, of: string) =>
  createRoute({
    method: "get",
    path,
    tags,
    summary: `The periodic report of ${of}, computed now`,
    description: `${readers}Period: \`preset=semestrale&year=2026&half=1\`, \`preset=annuale&year=2026\`, \`preset=sal\`, or \`from\`/\`to\` (400 \`date_order\` when \`to\` precedes \`from\`, \`report_period_invalid\` when incomplete).`,
    security: authenticated,
    request: { params: idParam, query: reportQuery.extend(formatQuery.shape) },
    responses: { 200: rendered, ...errorsFor(400, 401, 403, 404) },
  });

export const agreementReportRoute = liveRoute(scopes[0].path, scopes[0].of);
export const tableReportRoute = liveRoute(scopes[1].path, scopes[1].of);

const issueRoute = (path: string, who: string) =>
  createRoute({
    method: "post",
    path,
    tags,
    summary: "Issue (freeze) the periodic report",
    description: `${who}. Stores the sections as computed now (the issuer's view, and a copy without confidential content for readers who may not see it), with preset, period, issuer and date of issue. Emits \`report.issued\` (ids, preset, period, counts). Honours \`Idempotency-Key\`.`,
    security: authenticated,
    request: { params: idParam, body: jsonBody(issueBody) },
    responses: {
      201: { description: "The issued report", ...jsonContent(reportSchema) },
      ...errorsFor(400, 401, 403, 404),
    },
  });

export const issueAgreementReportRoute = issueRoute(
  "/agreements/{id}/reports",
  "Agreement admins (and installation admins)",
);
export const issueTableReportRoute = issueRoute(
  "/tables/{id}/reports",
  "The table's coordinators and the agreement's admins",
);

const listRoute = (path: string, of: string) =>
  createRoute({
    method: "get",
    path,
    tags,
    summary: `The reports issued for ${of}, newest first (without their sections)`,
    description: readers,
    security: authenticated,
    request: { params: idParam },
    responses: {
      200: {
        description: "Issued reports",
        ...jsonContent(z.object({ items: z.array(issuedSummary) }).openapi("IssuedReportList")),
      },
      ...errorsFor(400, 401, 403, 404),
    },
  });

export const listAgreementReportsRoute = listRoute("/agreements/{id}/reports", "the agreement");
export const listTableReportsRoute = listRoute("/tables/{id}/reports", "the table");

export const getIssuedReportRoute = createRoute({
  method: "get",
  path: "/reports/{id}",
  tags,
  summary: "An issued report, rendered from its frozen snapshot in any format",
  description: `${readers}A reader who may not see every table whose confidential content the issuer saw gets the copy frozen without it (never a recomputation: an issued report's figures do not change).`,
  security: authenticated,
  request: { params: idParam, query: formatQuery },
  responses: { 200: rendered, ...errorsFor(400, 401, 403, 404) },
});

export const reportJsonSchemaRoute = createRoute({
  method: "get",
  path: "/report-schema.json",
  tags,
  summary: "The JSON Schema (2020-12) of a report in JSON (`format=json`)",
  description:
    "The same schema as the OpenAPI component `Report`, standalone, for archives and integrations.",
  responses: { 200: { description: "JSON Schema", ...jsonContent(z.record(z.string(), z.unknown())) } },
});
