import { newRouter } from "../http/env.ts";
import { creationKeyOf } from "../idempotency/index.ts";
import { parseId } from "../shared/schemas.ts";
import { attachFile } from "./attach.ts";
import { attachRoute, attachToContributionRoute, downloadRoute } from "./contracts.ts";
import { contentDisposition } from "./file-name.ts";
import { presentAttachment } from "./present.ts";
import { openAttachment } from "./queries.ts";

/** Files attached to issue reports and contributions: upload and download. */
export function attachmentRoutes() {
  const router = newRouter();
  router.openapi(attachRoute, async (c) => {
    const { file } = c.req.valid("form");
    const input = {
      ownerKind: "issue_report" as const,
      ownerId: parseId(c.req.valid("param").id),
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      maxBytes: c.get("config").attachmentMaxBytes,
      idempotencyKey: creationKeyOf(c),
    };
    const doc = await attachFile({ ctx: c.get("ctx"), input });
    return c.json(presentAttachment(doc), 201);
  });
  router.openapi(attachToContributionRoute, async (c) => {
    const { file } = c.req.valid("form");
    const input = {
      ownerKind: "contribution" as const,
      ownerId: parseId(c.req.valid("param").id),
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      maxBytes: c.get("config").attachmentMaxBytes,
      idempotencyKey: creationKeyOf(c),
    };
    const doc = await attachFile({ ctx: c.get("ctx"), input });
    return c.json(presentAttachment(doc), 201);
  });
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
