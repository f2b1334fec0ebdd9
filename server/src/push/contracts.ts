import { createRoute, z } from "@hono/zod-openapi";
import { authenticated, errorsFor, jsonBody, jsonContent } from "../shared/openapi.ts";
import { idParam } from "../shared/schemas.ts";

const tags = ["Push"];

const endpoint = z.string().max(2048).openapi({
  description: "The push service's URL for this browser (https)",
  example: "https://fcm.googleapis.com/fcm/send/c1KrmpTuRm0:APA91bG…",
});

export const pushSubscriptionInput = z
  .strictObject({
    endpoint,
    expirationTime: z
      .number()
      .int()
      .nonnegative()
      .nullable()
      .optional()
      .openapi({ description: "Milliseconds since the epoch, as `PushSubscription.toJSON()` gives it" }),
    keys: z
      .strictObject({
        p256dh: z.string().max(200).openapi({ description: "Uncompressed P-256 point, 65 bytes, base64url" }),
        auth: z.string().max(100).openapi({ description: "Auth secret, 16 bytes, base64url" }),
      })
      .openapi({ description: "What the payload is encrypted for (RFC 8291)" }),
    userAgent: z.string().max(300).nullable().optional(),
    label: z
      .string()
      .max(80)
      .nullable()
      .optional()
      .openapi({ description: "How the person calls this device", example: "Telefono" }),
    replaces: endpoint.optional().openapi({
      description:
        "On `pushsubscriptionchange`: the old endpoint, whose subscription (if mine) is removed in the same call",
    }),
  })
  .openapi("PushSubscriptionInput");

export const pushSubscription = z
  .object({
    id: z.string(),
    endpoint: z.string(),
    pushService: z.string().openapi({ example: "https://fcm.googleapis.com" }),
    expirationTime: z.string().nullable(),
    userAgent: z.string().nullable(),
    label: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("PushSubscription");

export const subscribeRoute = createRoute({
  method: "post",
  path: "/people/me/push-subscriptions",
  tags,
  summary: "Receive reminders on this browser: store its Web Push subscription",
  description:
    "The body is the browser's `PushSubscription.toJSON()`, optionally with `userAgent`, `label` and `replaces`. " +
    "One subscription per endpoint: posting it again updates it (and takes it over from whoever had registered " +
    "this browser before). An endpoint that is not https is `push_endpoint_invalid`, keys of the wrong kind or " +
    "length `push_keys_invalid`. The keys are never shown again.",
  security: authenticated,
  request: { body: jsonBody(pushSubscriptionInput) },
  responses: {
    201: { description: "Stored (without its keys)", ...jsonContent(pushSubscription) },
    ...errorsFor(400, 401, 403, 409),
  },
});

export const listSubscriptionsRoute = createRoute({
  method: "get",
  path: "/people/me/push-subscriptions",
  tags,
  summary: "The browsers I receive push reminders on",
  security: authenticated,
  responses: {
    200: {
      description: "My subscriptions, oldest first",
      ...jsonContent(z.object({ items: z.array(pushSubscription) }).openapi("PushSubscriptionList")),
    },
    ...errorsFor(401),
  },
});

export const unsubscribeRoute = createRoute({
  method: "delete",
  path: "/people/me/push-subscriptions/{id}",
  tags,
  summary: "Stop push reminders on one of my browsers",
  security: authenticated,
  request: { params: idParam },
  responses: { 204: { description: "Removed" }, ...errorsFor(400, 401, 403, 404) },
});

export const vapidPublicKeyRoute = createRoute({
  method: "get",
  path: "/push/vapid-public-key",
  tags,
  summary: "The key browsers subscribe with (`applicationServerKey`); no login needed",
  responses: {
    200: {
      description: "The VAPID public key (RFC 8292), an uncompressed P-256 point in base64url",
      ...jsonContent(z.object({ publicKey: z.string() }).openapi("VapidPublicKey")),
    },
  },
});
