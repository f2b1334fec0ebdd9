import { newRouter } from "../http/env.ts";
import { parseId } from "../shared/schemas.ts";
import {
  listSubscriptionsRoute,
  subscribeRoute,
  unsubscribeRoute,
  vapidPublicKeyRoute,
} from "./contracts.ts";
import { presentPushSubscription } from "./present.ts";
import { getVapidPublicKey, listMyPushSubscriptions } from "./queries.ts";
import { subscribeToPush } from "./subscribe.ts";
import { unsubscribeFromPush } from "./unsubscribe.ts";

/** Web Push: each person registers and removes their own browsers; the VAPID public key is public. */
export function pushRoutes() {
  const router = newRouter();
  router.openapi(subscribeRoute, async (c) => {
    const serviceHosts = c.get("config").push.serviceHosts;
    const stored = await subscribeToPush({
      ctx: c.get("ctx"),
      input: { ...c.req.valid("json"), serviceHosts },
    });
    return c.json(presentPushSubscription(stored), 201);
  });
  router.openapi(listSubscriptionsRoute, async (c) => {
    const mine = await listMyPushSubscriptions({ ctx: c.get("ctx") });
    return c.json({ items: mine.map(presentPushSubscription) }, 200);
  });
  router.openapi(unsubscribeRoute, async (c) => {
    await unsubscribeFromPush({ ctx: c.get("ctx"), input: { id: parseId(c.req.valid("param").id) } });
    return c.body(null, 204);
  });
  router.openapi(vapidPublicKeyRoute, async (c) => {
    const publicKey = await getVapidPublicKey({ ctx: c.get("ctx"), config: c.get("config") });
    return c.json({ publicKey }, 200, { "cache-control": "public, max-age=300" });
  });
  return router;
}
