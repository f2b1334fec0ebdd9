import type { Context } from "hono";
import type { AppEnv } from "../http/env.ts";
import { IDEMPOTENCY_HEADER, parseIdempotencyKey } from "./key.ts";

/**
 * The key a creating write stores on the document it creates (`<personId>:<key>`, unique where set),
 * or null without a key. It closes the window the stored answer leaves open: when an instance dies
 * after inserting but before storing its answer, the repeat runs again, and the insert finds the
 * document already made under this key instead of making a second one.
 */
export function creationKeyOf(c: Context<AppEnv>): string | null {
  const header = c.req.header(IDEMPOTENCY_HEADER);
  const auth = c.get("auth");
  if (header === undefined || !auth) return null;
  return `${auth.personId}:${parseIdempotencyKey(header)}`;
}
