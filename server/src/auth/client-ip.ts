import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import type { AppEnv } from "../http/env.ts";

/**
 * The caller's IP: the socket's peer, or, behind a trusted reverse proxy (TRUST_PROXY), the last
 * X-Forwarded-For hop, i.e. the one our proxy appended (earlier hops are client-controlled).
 */
export function clientIp(c: Context<AppEnv>): string {
  if (c.get("config").trustProxy) {
    const hops = (c.req.header("x-forwarded-for") ?? "").split(",").map((hop) => hop.trim());
    const last = hops.filter(Boolean).at(-1);
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    // Not served by @hono/node-server (e.g. app.request in a script): no socket to ask.
    return "unknown";
  }
}
