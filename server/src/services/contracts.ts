import { createRoute, z } from "@hono/zod-openapi";
import { authenticated, errorsFor, jsonBody, jsonContent } from "../shared/openapi.ts";
import { idParam, isoDate, nonEmptyPatch, objectId, text } from "../shared/schemas.ts";

export const SERVICE_STATUSES = ["attivo", "in_attivazione", "dismesso"] as const;

const status = z.enum(SERVICE_STATUSES).openapi({ description: "attivo, in_attivazione or dismesso" });

const hours = z.number().positive().max(8760);

export const levelsInput = z
  .strictObject({
    availabilityPercent: z.number().min(0).max(100).openapi({ example: 99.5 }),
    responseHours: hours.openapi({ description: "Raising → first triage step, hours", example: 8 }),
    resolutionHours: hours.openapi({ description: "Raising → risolta, hours", example: 72 }),
  })
  .openapi("ServiceLevels");

export const createInput = z
  .strictObject({
    name: text(200),
    description: z.string().trim().max(5000).default(""),
    providerId: objectId.openapi({ description: "The providing organisation, a member of the agreement" }),
    tableId: objectId.nullable().default(null).openapi({ description: "The table that follows it, if any" }),
    status: status.default("in_attivazione"),
    levels: levelsInput,
    subscriberIds: z.array(objectId).max(500).default([]).openapi({
      description: "Member organisations subscribing from the start",
    }),
  })
  .openapi("ServiceInput");

export const patchInput = nonEmptyPatch(
  z.strictObject({
    name: text(200).optional(),
    description: z.string().trim().max(5000).optional(),
    tableId: objectId.nullable().optional(),
    status: status.optional(),
    levels: levelsInput.optional(),
  }),
).openapi("ServicePatch");

export const subscribeInput = z
  .strictObject({
    organisationId: objectId.openapi({ description: "The subscribing organisation: the actor's own" }),
  })
  .openapi("ServiceSubscription");

export const availabilityInput = z
  .strictObject({
    from: isoDate,
    to: isoDate,
    measuredPercent: z.number().min(0).max(100).openapi({ example: 99.7 }),
  })
  .openapi("ServiceAvailabilityInput");

export const periodQuery = z.object({
  from: isoDate.optional().openapi({ description: "Monitoring from this day (Europe/Rome)" }),
  to: isoDate.optional().openapi({ description: "Monitoring up to this day, included" }),
});

const verdict = z
  .enum(["met", "breached"])
  .nullable()
  .openapi({ description: "null when nothing was measured" });

const target = (measuredDescription: string) =>
  z.object({
    target: z.number(),
    measured: z.number().nullable().openapi({ description: measuredDescription }),
    verdict,
  });

export const service = z
  .object({
    id: z.string(),
    agreementId: z.string(),
    tableId: z.string().nullable(),
    name: z.string(),
    description: z.string(),
    provider: z.object({ id: z.string(), name: z.string().nullable() }),
    status,
    levels: levelsInput,
    subscribers: z.array(z.object({ id: z.string(), name: z.string().nullable(), since: z.string() })),
    availability: z.array(
      z.object({
        id: z.string(),
        from: z.string(),
        to: z.string(),
        measuredPercent: z.number(),
        met: z.boolean(),
      }),
    ),
    monitoring: z
      .object({
        from: z.string().nullable(),
        to: z.string().nullable(),
        availability: target("Mean of the measurements in the period, weighted by their days"),
        response: target("Median hours from raising to the first triage step of the reports naming it"),
        resolution: target("Median hours from raising to risolta of the reports naming it"),
        reports: z.number().int().openapi({ description: "Issue reports naming it raised in the period" }),
      })
      .openapi({ description: "Targets against what was measured in the period (all time without from/to)" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("SharedService");

const tags = ["Shared services"];
const serviceAnswer = (description: string) => ({ description, ...jsonContent(service) });

export const createRouteDef = createRoute({
  method: "post",
  path: "/agreements/{id}/services",
  tags,
  summary: "Add a shared service to the agreement's catalogue (agreement admins)",
  description:
    "The provider and the subscribers must be members of the agreement (409 `service_organisation_not_member`), " +
    "a `tableId` a table of it (400 `service_table_not_of_agreement`), the name unique in it (409 " +
    "`service_name_taken`). Emits `service.created`.",
  security: authenticated,
  request: { params: idParam, body: jsonBody(createInput) },
  responses: { 201: serviceAnswer("Created"), ...errorsFor(400, 401, 403, 404, 409) },
});

export const listRouteDef = createRoute({
  method: "get",
  path: "/agreements/{id}/services",
  tags,
  summary: "The agreement's shared services catalogue, by name",
  description: "Logged-in people. Each with its levels and its monitoring over all time.",
  security: authenticated,
  request: { params: idParam },
  responses: {
    200: { description: "The catalogue", ...jsonContent(z.object({ items: z.array(service) })) },
    ...errorsFor(400, 401, 404),
  },
});

export const getRouteDef = createRoute({
  method: "get",
  path: "/services/{id}",
  tags,
  summary: "One shared service: targets against measured levels, over a period if asked",
  description:
    "`from`/`to` (days, Europe/Rome) restrict the monitoring; `to` before `from` is 400 `date_order`.",
  security: authenticated,
  request: { params: idParam, query: periodQuery },
  responses: { 200: serviceAnswer("The service"), ...errorsFor(400, 401, 404) },
});

export const patchRouteDef = createRoute({
  method: "patch",
  path: "/services/{id}",
  tags,
  summary: "Change a shared service (agreement admins; the provider's referents its description only)",
  description: "Emits `service.updated` with the names of the fields changed.",
  security: authenticated,
  request: { params: idParam, body: jsonBody(patchInput) },
  responses: { 200: serviceAnswer("Changed"), ...errorsFor(400, 401, 403, 404, 409) },
});

export const subscribeRouteDef = createRoute({
  method: "post",
  path: "/services/{id}/subscriptions",
  tags,
  summary: "Subscribe one's own organisation to a shared service",
  description:
    "A referent for their own organisation (else 403 `other_organisation`), or an agreement admin recording it. " +
    "Member organisations only; not twice (409 `service_already_subscribed`); not to a decommissioned service " +
    "(409 `service_dismissed`). Emits `service.subscribed`.",
  security: authenticated,
  request: { params: idParam, body: jsonBody(subscribeInput) },
  responses: { 201: serviceAnswer("Subscribed"), ...errorsFor(400, 401, 403, 404, 409) },
});

export const unsubscribeRouteDef = createRoute({
  method: "delete",
  path: "/services/{id}/subscriptions/{organisationId}",
  tags,
  summary: "End one's own organisation's subscription to a shared service",
  description:
    "As subscribing: the organisation's referent or an agreement admin; 409 `service_not_subscribed`. " +
    "Emits `service.unsubscribed`.",
  security: authenticated,
  request: {
    params: idParam.extend({
      organisationId: z.string().openapi({ param: { name: "organisationId", in: "path" } }),
    }),
  },
  responses: { 200: serviceAnswer("Unsubscribed"), ...errorsFor(400, 401, 403, 404, 409) },
});

export const availabilityRouteDef = createRoute({
  method: "post",
  path: "/services/{id}/availability",
  tags,
  summary: "Record the availability measured over a period (the provider's referents or agreement admins)",
  description:
    "`to` not before `from` (400 `date_order`) nor after today (400 `date_in_future`). Emits " +
    "`service.availability_recorded` with whether the target is met.",
  security: authenticated,
  request: { params: idParam, body: jsonBody(availabilityInput) },
  responses: { 201: serviceAnswer("Recorded"), ...errorsFor(400, 401, 403, 404, 409) },
});
