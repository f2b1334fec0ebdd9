import type { MiddlewareHandler } from "hono";
import { ObjectId } from "mongodb";
import type { AppEnv } from "../http/env.ts";
import { fingerprintOf, IDEMPOTENCY_HEADER, parseIdempotencyKey } from "./key.ts";
import { respondOnce } from "./run-once.ts";

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

// Login endpoints set cookies and spend single-use links: a stored answer could not replay either.
const EXEMPT = /^\/api\/v1\/auth\//;

/**
 * `Idempotency-Key` on authenticated writes under /api/v1: keyed per person (another person's same key
 * is another key), so it runs after `authenticate`. Requests without the header are untouched.
 */
export function idempotency(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header(IDEMPOTENCY_HEADER);
    const auth = c.get("auth");
    if (header === undefined || !auth || !WRITES.has(c.req.method) || EXEMPT.test(c.req.path)) return next();
    const key = parseIdempotencyKey(header);
    const request = {
      personId: new ObjectId(auth.personId),
      key,
      fingerprint: await fingerprintOf(c.req.raw),
    };
    return respondOnce(c.get("ctx"), request, async () => {
      await next();
      return c.res;
    });
  };
}
