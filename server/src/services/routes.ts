import { newRouter } from "../http/env.ts";
import { creationKeyOf } from "../idempotency/index.ts";
import { parseId } from "../shared/schemas.ts";
import {
  availabilityRouteDef,
  createRouteDef,
  getRouteDef,
  listRouteDef,
  patchRouteDef,
  subscribeRouteDef,
  unsubscribeRouteDef,
} from "./contracts.ts";
import { createService } from "./create.ts";
import { getService, listServices, presentOneService } from "./queries.ts";
import { recordAvailability } from "./record-availability.ts";
import { subscribeToService, unsubscribeFromService } from "./subscribe.ts";
import { updateService } from "./update.ts";

/** Shared services (servizi condivisi): the agreement's catalogue, subscriptions and service levels. */
export function serviceRoutes() {
  const router = newRouter();
  router.openapi(createRouteDef, async (c) => {
    const ctx = c.get("ctx");
    const input = {
      agreementId: parseId(c.req.valid("param").id),
      ...c.req.valid("json"),
      idempotencyKey: creationKeyOf(c),
    };
    return c.json(await presentOneService(ctx, await createService({ ctx, input })), 201);
  });
  router.openapi(listRouteDef, async (c) => {
    const input = { agreementId: parseId(c.req.valid("param").id) };
    return c.json(await listServices({ ctx: c.get("ctx"), input }), 200);
  });
  router.openapi(getRouteDef, async (c) => {
    const input = { id: parseId(c.req.valid("param").id), ...c.req.valid("query") };
    return c.json(await getService({ ctx: c.get("ctx"), input }), 200);
  });
  router.openapi(patchRouteDef, async (c) => {
    const ctx = c.get("ctx");
    const input = { id: parseId(c.req.valid("param").id), patch: c.req.valid("json") };
    return c.json(await presentOneService(ctx, await updateService({ ctx, input })), 200);
  });
  router.openapi(subscribeRouteDef, async (c) => {
    const ctx = c.get("ctx");
    const input = {
      id: parseId(c.req.valid("param").id),
      organisationId: c.req.valid("json").organisationId,
    };
    return c.json(await presentOneService(ctx, await subscribeToService({ ctx, input })), 201);
  });
  router.openapi(unsubscribeRouteDef, async (c) => {
    const ctx = c.get("ctx");
    const params = c.req.valid("param");
    const input = { id: parseId(params.id), organisationId: parseId(params.organisationId) };
    return c.json(await presentOneService(ctx, await unsubscribeFromService({ ctx, input })), 200);
  });
  router.openapi(availabilityRouteDef, async (c) => {
    const ctx = c.get("ctx");
    const input = { id: parseId(c.req.valid("param").id), ...c.req.valid("json") };
    return c.json(await presentOneService(ctx, await recordAvailability({ ctx, input })), 201);
  });
  return router;
}
