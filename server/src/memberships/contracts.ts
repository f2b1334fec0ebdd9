import { createRoute, z } from "@hono/zod-openapi";
import { authenticated, errorsFor, jsonBody, jsonContent } from "../shared/openapi.ts";
import { pageQuery } from "../shared/pagination.ts";
import { backdatingReason, idParam, isoDate, objectId, pageOf } from "../shared/schemas.ts";

export const adhesionInput = z
  .strictObject({
    organisationId: objectId,
    receivedOn: isoDate.optional().openapi({
      description:
        "Day the application was received (protocol date), default today; not in the future. An earlier day only from the agreement's admins, with backdatingReason",
    }),
    founding: z.boolean().default(false).openapi({ description: "Founding party (agreement admin only)" }),
    backdatingReason,
  })
  .openapi("AdhesionInput");

export const withdrawalInput = z
  .strictObject({
    organisationId: objectId,
    noticeGivenOn: isoDate.optional().openapi({
      description:
        "Day the withdrawal notice was received, default today; not in the future. An earlier day only from the agreement's admins, with backdatingReason",
    }),
    reason: z.string().trim().max(2000).nullable().default(null),
    backdatingReason,
  })
  .openapi("WithdrawalInput");

export const MEMBERSHIP_STATUSES = ["pending", "operative", "withdrawing", "withdrawn"] as const;

export const membership = z
  .object({
    id: z.string(),
    agreementId: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    founding: z.boolean(),
    receivedOn: z.string(),
    operativeFrom: z.string(),
    backdating: z.object({ reason: z.string(), recordedOn: z.string() }).nullable().openapi({
      description: "Set when an admin recorded a receipt date before the day of entry: why, and when",
    }),
    withdrawal: z
      .object({ noticeGivenOn: z.string(), effectiveOn: z.string(), reason: z.string().nullable() })
      .nullable(),
    status: z
      .enum(MEMBERSHIP_STATUSES)
      .openapi({ description: "Status on the day asked (default today, Europe/Rome)" }),
  })
  .openapi("Membership");

export const applyRoute = createRoute({
  method: "post",
  path: "/agreements/{id}/adhesions",
  tags: ["Memberships"],
  summary: "Register an adhesion application; operative after the agreement's delay",
  security: authenticated,
  request: { params: idParam, body: jsonBody(adhesionInput) },
  responses: {
    201: { description: "Registered", ...jsonContent(membership) },
    ...errorsFor(400, 401, 403, 404, 409),
  },
});

export const withdrawRoute = createRoute({
  method: "post",
  path: "/agreements/{id}/withdrawals",
  tags: ["Memberships"],
  summary: "Register a withdrawal; the organisation stays a member until the notice expires",
  security: authenticated,
  request: { params: idParam, body: jsonBody(withdrawalInput) },
  responses: {
    200: { description: "Registered", ...jsonContent(membership) },
    ...errorsFor(400, 401, 403, 404, 409),
  },
});

export const listMembersRoute = createRoute({
  method: "get",
  path: "/agreements/{id}/members",
  tags: ["Memberships"],
  summary: "The agreement's memberships with their status on a day (public)",
  request: {
    params: idParam,
    query: pageQuery.extend({
      on: isoDate.optional(),
      status: z.enum(MEMBERSHIP_STATUSES).optional(),
    }),
  },
  responses: {
    200: { description: "Memberships", ...jsonContent(pageOf(membership, "MembershipPage")) },
    ...errorsFor(400, 404),
  },
});

export const organisationMembershipsRoute = createRoute({
  method: "get",
  path: "/organisations/{id}/memberships",
  tags: ["Memberships"],
  summary: "An organisation's adhesion and withdrawal history (public)",
  request: { params: idParam, query: z.object({ on: isoDate.optional() }) },
  responses: {
    200: { description: "History", ...jsonContent(z.object({ items: z.array(membership) })) },
    ...errorsFor(400, 404),
  },
});
