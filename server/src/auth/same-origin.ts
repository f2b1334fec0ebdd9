import type { Context } from "hono";
import type { AppEnv } from "../http/env.ts";

/** The origin (scheme://host[:port]) of a URL, or null when it is not one. */
function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Whether a browser form post came from another site (login CSRF: a page elsewhere posting the attacker's
 * login token to sign the victim in as the attacker). Browsers say so in Sec-Fetch-Site; older ones only
 * send Origin, which must then be PUBLIC_URL's or this request's own. A request with neither header is no
 * browser form post (curl, scripts) and cannot carry a victim's browser, so it passes.
 */
export function isCrossSiteRequest(c: Context<AppEnv>): boolean {
  const site = c.req.header("sec-fetch-site");
  if (site !== undefined) return site !== "same-origin" && site !== "none";
  const origin = c.req.header("origin");
  if (origin === undefined) return false;
  const allowed = [originOf(c.get("config").publicUrl), originOf(c.req.url)];
  return !allowed.includes(origin);
}
