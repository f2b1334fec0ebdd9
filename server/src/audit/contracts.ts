import { createRoute, z } from "@hono/zod-openapi";
import { authenticated, errorsFor, jsonContent } from "../shared/openapi.ts";
import { pageQuery } from "../shared/pagination.ts";
import { pageOf } from "../shared/schemas.ts";

const hexId = z.string().regex(/^[0-9a-fA-F]{24}$/);

export const auditEntry = z
  .object({
    id: z.string(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string(),
    agreementId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    event: z
      .object({
        type: z.string(),
        stream: z.string(),
        seq: z.number().int(),
        payload: z.record(z.string(), z.unknown()),
      })
      .nullable()
      .openapi({ description: "The domain event stored in the same record, when the change is one." }),
  })
  .openapi("AuditEntry");

export const listAuditRoute = createRoute({
  method: "get",
  path: "/audit",
  tags: ["Audit"],
  summary:
    "Who changed what, when, before/after (newest first). Installation admins see all; agreement admins their agreement.",
  security: authenticated,
  request: {
    query: pageQuery.extend({
      agreementId: hexId.optional(),
      entityId: hexId.optional(),
      action: z.string().max(80).optional(),
    }),
  },
  responses: {
    200: { description: "Audit entries", ...jsonContent(pageOf(auditEntry, "AuditPage")) },
    ...errorsFor(400, 401, 403),
  },
});
