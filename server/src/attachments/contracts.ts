import { createRoute, z } from "@hono/zod-openapi";
import { authenticated, errorsFor, jsonContent } from "../shared/openapi.ts";
import { errorBody, idParam } from "../shared/schemas.ts";
import { ALL_TYPES } from "./file-type.ts";

export const attachment = z
  .object({
    id: z.string(),
    name: z.string().openapi({ description: "The file's name, sanitised" }),
    contentType: z.enum(ALL_TYPES).openapi({
      description: "Detected from the file's bytes (issue reports: images and PDF only)",
    }),
    size: z.number().int().openapi({ description: "Bytes" }),
    createdAt: z.string(),
  })
  .openapi("Attachment");

const uploadForm = z.object({
  file: z
    .instanceof(File)
    .openapi({ type: "string", format: "binary", description: "JPEG, PNG, WebP or PDF" }),
});

const error = (description: string) => ({ description, ...jsonContent(errorBody) });

export const attachRoute = createRoute({
  method: "post",
  path: "/issue-reports/{id}/attachments",
  tags: ["Issue reports"],
  summary: "Attach a photo or a PDF to an issue report (multipart/form-data, field `file`)",
  description:
    "The report's author, a referent of its organisation, a coordinator of its table or an installation admin. " +
    "JPEG, PNG, WebP or PDF, recognised by the file's bytes whatever its name or declared type (415 " +
    "`unsupported_file_type`), at most `ATTACHMENT_MAX_BYTES` (default 10 MB; 413 `file_too_large`, refused " +
    "while reading). The name is sanitised. With `Idempotency-Key`, a repeat returns the same file. Emits " +
    "`attachment.added` (without the name).",
  security: authenticated,
  request: {
    params: idParam,
    body: { required: true, content: { "multipart/form-data": { schema: uploadForm } } },
  },
  responses: {
    201: { description: "The file stored", ...jsonContent(attachment) },
    ...errorsFor(400, 401, 403, 404),
    413: error("The file is over the size limit (file_too_large)"),
    415: error("Not a JPEG, PNG, WebP or PDF (unsupported_file_type)"),
  },
});

const datasetForm = z.object({
  file: z.instanceof(File).openapi({
    type: "string",
    format: "binary",
    description:
      "A document, photo or dataset: PDF, JPEG, PNG, WebP, CSV, TSV, JSON, XML, ODS, ODT, XLSX or DOCX",
  }),
});

export const attachToContributionRoute = createRoute({
  method: "post",
  path: "/contributions/{id}/attachments",
  tags: ["Contributions"],
  summary: "Attach a document, photo or dataset file to a contribution (multipart/form-data, field `file`)",
  description:
    "The contribution's author, a referent of its organisation, a coordinator of its table or an installation " +
    "admin; a confidential contribution is not found outside the table; a withdrawn one: 409 " +
    "`contribution_withdrawn`. PDF, JPEG, PNG, WebP; CSV and TSV (UTF-8 text), JSON, XML; ODS, ODT (OpenDocument) " +
    "and XLSX, DOCX (Office Open XML), all recognised by the file's bytes (415 `unsupported_file_type`); a " +
    "name whose extension names another type (a `.pdf` holding a PNG): 415 `file_extension_mismatch`. At most " +
    "`ATTACHMENT_MAX_BYTES` (413 `file_too_large`). Listed on `GET /contributions/{id}`, downloaded at " +
    "`GET /attachments/{id}`. Emits `attachment.added` (without the name).",
  security: authenticated,
  request: {
    params: idParam,
    body: { required: true, content: { "multipart/form-data": { schema: datasetForm } } },
  },
  responses: {
    201: { description: "The file stored", ...jsonContent(attachment) },
    ...errorsFor(400, 401, 403, 404, 409),
    413: error("The file is over the size limit (file_too_large)"),
    415: error(
      "Not an accepted type, or an extension that lies (unsupported_file_type, file_extension_mismatch)",
    ),
  },
});

const binary = { schema: { type: "string" as const, format: "binary" } };

export const downloadRoute = createRoute({
  method: "get",
  path: "/attachments/{id}",
  tags: ["Issue reports"],
  summary: "Download an attached file",
  description:
    "For whoever may read what it is attached to (404 otherwise). Sent as a download " +
    "(`Content-Disposition: attachment; filename*=UTF-8''…`) with its detected type and `X-Content-Type-Options: nosniff`.",
  security: authenticated,
  request: { params: idParam },
  responses: {
    200: {
      description: "The file's bytes",
      content: Object.fromEntries(ALL_TYPES.map((type) => [type, binary])),
    },
    ...errorsFor(400, 401, 404),
  },
});
