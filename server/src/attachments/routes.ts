import type { Context } from "hono";
import { type AppEnv, newRouter } from "../http/env.ts";
import { creationKeyOf } from "../idempotency/index.ts";
import { parseId } from "../shared/schemas.ts";
import { attachFile } from "./attach.ts";
import { attachRoute, attachToContributionRoute, downloadRoute } from "./contracts.ts";
import type { AttachmentOwnerKind } from "./documents.ts";
import { contentDisposition } from "./file-name.ts";
import { presentAttachment } from "./present.ts";
import { openAttachment } from "./queries.ts";

/** One upload, whichever kind of document the file is attached to (the path's `id`). */
async function upload(c: Context<AppEnv>, ownerKind: AttachmentOwnerKind, file: File) {
  const input = {
    ownerKind,
    ownerId: parseId(c.req.param("id") ?? ""),
    fileName: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
    maxBytes: c.get("config").attachmentMaxBytes,
    idempotencyKey: creationKeyOf(c),
  };
  const doc = await attachFile({ ctx: c.get("ctx"), input });
  return c.json(presentAttachment(doc), 201);
}

/** Files attached to issue reports and contributions: upload and download. */
export function attachmentRoutes() {
  const router = newRouter();
  router.openapi(attachRoute, (c) => upload(c, "issue_report", c.req.valid("form").file));
  router.openapi(attachToContributionRoute, (c) => upload(c, "contribution", c.req.valid("form").file));
  router.openapi(downloadRoute, async (c) => {
    const { doc, body } = await openAttachment({
      ctx: c.get("ctx"),
      input: { id: parseId(c.req.valid("param").id) },
    });
    return c.body(body, 200, {
      // Text is served as UTF-8, the only text it takes (file-type.ts).
      "Content-Type": doc.contentType.startsWith("text/")
        ? `${doc.contentType}; charset=utf-8`
        : doc.contentType,
      "Content-Length": String(doc.size),
      "Content-Disposition": contentDisposition(doc.name),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    });
  });
  return router;
}
