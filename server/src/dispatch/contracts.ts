import { createRoute, z } from "@hono/zod-openapi";
import { authenticated, errorsFor, jsonContent } from "../shared/openapi.ts";
import { pageQuery } from "../shared/pagination.ts";
import { idParam, pageOf } from "../shared/schemas.ts";

/** The states an admin lists; `done` deliveries are the history, not a queue. */
export const LISTED_STATES = ["pending", "running", "dead"] as const;

export const delivery = z
  .object({
    id: z.string(),
    subscriber: z.string().openapi({ example: "login-mail" }),
    recordId: z.string().openapi({ description: "The audit record carrying the event (GET /audit)" }),
    stream: z.string().openapi({ example: "person:6650f1c2a1b2c3d4e5f60718" }),
    seq: z.number().int(),
    type: z.string().openapi({ example: "person.login_link_requested" }),
    state: z.enum(["pending", "running", "done", "dead"]),
    attempts: z.number().int(),
    dueAt: z.string().openapi({ description: "Not run before this (a retry waits here)" }),
    leaseUntil: z.string().nullable(),
    owner: z.string().nullable().openapi({ description: "The instance that ran it last" }),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    doneAt: z.string().nullable(),
    latencyMs: z.number().int().nullable(),
    deadAt: z.string().nullable(),
  })
  .openapi("Delivery");

export const listDeliveriesRoute = createRoute({
  method: "get",
  path: "/admin/deliveries",
  tags: ["Admin"],
  summary:
    "Deliveries of stored events to their subscribers (mail, later Slack and push), oldest first: the dead ones by default. Installation admins only.",
  security: authenticated,
  request: {
    query: pageQuery.extend({
      state: z.enum(LISTED_STATES).default("dead").openapi({
        description: "dead: given up after the last attempt (retry them); pending: waiting; running: claimed",
      }),
    }),
  },
  responses: {
    200: { description: "Deliveries", ...jsonContent(pageOf(delivery, "DeliveryPage")) },
    ...errorsFor(400, 401, 403),
  },
});

export const retryDeliveryRoute = createRoute({
  method: "post",
  path: "/admin/deliveries/{id}/retry",
  tags: ["Admin"],
  summary:
    "Puts a dead delivery back in the queue with its attempts reset (audited). Installation admins only.",
  security: authenticated,
  request: { params: idParam },
  responses: {
    200: { description: "The delivery, pending again", ...jsonContent(delivery) },
    ...errorsFor(400, 401, 403, 404, 409),
  },
});
