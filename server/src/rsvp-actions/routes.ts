import { clientIp } from "../auth/client-ip.ts";
import { hitRateLimit, LOGIN_LIMITS } from "../auth/rate-limit.ts";
import { newRouter } from "../http/env.ts";
import { respondOnce } from "../idempotency/index.ts";
import { presentRsvp } from "../rsvps/present.ts";
import { answerByActionToken, readActionToken } from "./answer-by-token.ts";
import { actionRoute } from "./contracts.ts";

/** Answers from push notification buttons. */
export function rsvpActionRoutes() {
  const router = newRouter();
  router.openapi(actionRoute, async (c) => {
    const ctx = c.get("ctx");
    const { windowMs, perIp } = LOGIN_LIMITS;
    await hitRateLimit({ ctx, input: { scope: `rsvp-action:ip:${clientIp(c)}`, limit: perIp, windowMs } });
    const grant = await readActionToken(ctx, c.req.valid("json").token);
    // Each token answers once, however often the service worker retries it: the idempotency claim on
    // its nonce, kept until the token expires, turns a repeat into the first answer.
    const keyed = {
      personId: grant.personId,
      key: `rsvp-action:${grant.nonce}`,
      fingerprint: `${grant.meetingId.toHexString()}:${grant.answer}`,
      keepUntil: grant.expiresAt,
    };
    const response = await respondOnce(ctx, keyed, async () => {
      const { rsvp, counts } = await answerByActionToken({ ctx, input: { grant } });
      return c.json(presentRsvp(rsvp, counts), 200);
    });
    return response as unknown as ReturnType<typeof c.json<ReturnType<typeof presentRsvp>, 200>>;
  });
  return router;
}
