import { contentDisposition } from "../attachments/file-name.ts";
import { newRouter } from "../http/env.ts";
import { parseId } from "../shared/schemas.ts";
import { approveMinutes } from "./approve.ts";
import {
  approveMinutesRoute,
  draftMinutesRoute,
  exportMinutesRoute,
  getMinutesMarkdownRoute,
  getMinutesRoute,
  reviewMinutesRoute,
} from "./contracts.ts";
import { minutesFileName } from "./document.ts";
import { draftMinutes } from "./draft.ts";
import { minutesOdt, minutesPdf, ODT_TYPE } from "./export.ts";
import { renderMinutesMarkdown } from "./markdown.ts";
import { getMinutes } from "./queries.ts";
import { submitMinutesForReview } from "./review.ts";

/** Minutes (verbale): drafted by the organisers, circulated for review, approved and then frozen. */
export function minutesRoutes() {
  const router = newRouter();
  router.openapi(getMinutesRoute, async (c) => {
    const meetingId = parseId(c.req.valid("param").id);
    return c.json(await getMinutes({ ctx: c.get("ctx"), input: { meetingId } }), 200);
  });
  router.openapi(getMinutesMarkdownRoute, async (c) => {
    const meetingId = parseId(c.req.valid("param").id);
    const presented = await getMinutes({ ctx: c.get("ctx"), input: { meetingId } });
    return c.body(renderMinutesMarkdown(presented), 200, {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `inline; filename="verbale-${meetingId.toHexString()}.md"`,
      "cache-control": "private, no-store",
    });
  });
  router.openapi(exportMinutesRoute, async (c) => {
    const meetingId = parseId(c.req.valid("param").id);
    const presented = await getMinutes({ ctx: c.get("ctx"), input: { meetingId } });
    const odt = c.req.valid("query").format === "odt";
    const body = new Uint8Array(odt ? minutesOdt(presented) : await minutesPdf(presented));
    return c.body(body, 200, {
      "Content-Type": odt ? ODT_TYPE : "application/pdf",
      "Content-Disposition": contentDisposition(minutesFileName(presented, odt ? "odt" : "pdf")),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    });
  });
  router.openapi(draftMinutesRoute, async (c) => {
    const ctx = c.get("ctx");
    const meetingId = parseId(c.req.valid("param").id);
    const { version, ...content } = c.req.valid("json");
    const { created } = await draftMinutes({ ctx, input: { meetingId, version, content } });
    const presented = await getMinutes({ ctx, input: { meetingId } });
    return created ? c.json(presented, 201) : c.json(presented, 200);
  });
  router.openapi(reviewMinutesRoute, async (c) => {
    const ctx = c.get("ctx");
    const meetingId = parseId(c.req.valid("param").id);
    await submitMinutesForReview({ ctx, input: { meetingId, version: c.req.valid("json").version } });
    return c.json(await getMinutes({ ctx, input: { meetingId } }), 200);
  });
  router.openapi(approveMinutesRoute, async (c) => {
    const ctx = c.get("ctx");
    const meetingId = parseId(c.req.valid("param").id);
    await approveMinutes({ ctx, input: { meetingId, version: c.req.valid("json").version } });
    return c.json(await getMinutes({ ctx, input: { meetingId } }), 200);
  });
  return router;
}
