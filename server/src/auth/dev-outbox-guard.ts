import { isIP } from "node:net";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import type { Config } from "../config.ts";
import type { AppEnv } from "../http/env.ts";

/** True for 127.0.0.0/8, ::1 and their IPv4-mapped IPv6 forms: a peer on this very machine. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const bare = address.toLowerCase().replace(/^::ffff:/, "");
  if (isIP(bare) === 4) return bare.startsWith("127.");
  return bare === "::1" || bare === "0:0:0:0:0:0:0:1";
}

/** True when the listen address accepts only local connections (a name other than localhost counts as not). */
function isLoopbackHost(host: string): boolean {
  return host === "localhost" || isLoopbackAddress(host);
}

/**
 * Development aids (the dev outbox, the demo login printed at start-up) may exist at all: no SMTP, and
 * not a deployment (https PUBLIC_URL or NODE_ENV=production).
 */
export function devAidsAllowed(config: Config, devOutbox: boolean): boolean {
  return devOutbox && !config.production && !config.publicUrl.startsWith("https:");
}

const FORWARDING_HEADERS = ["forwarded", "x-forwarded-for", "x-real-ip"];

/**
 * Whether this request may read the dev outbox, which holds working login links: only a client on this
 * machine's loopback, judged by the socket's peer (headers can be forged). A request that came through a
 * proxy (TRUST_PROXY, or any forwarding header) is refused: a local reverse proxy makes everyone look local.
 */
export function mayServeDevOutbox(c: Context<AppEnv>): boolean {
  const config = c.get("config");
  if (!devAidsAllowed(config, c.get("mailer").devOutbox) || config.trustProxy) return false;
  if (FORWARDING_HEADERS.some((name) => c.req.header(name) !== undefined)) return false;
  try {
    return isLoopbackAddress(getConnInfo(c).remote.address);
  } catch {
    // Not served by @hono/node-server (app.request in a script): no socket, so no proof of locality.
    return false;
  }
}

/**
 * The one start-up line saying login mails cannot reach anyone: no SMTP while the server is meant to be
 * reached from elsewhere (non-loopback HOST or https PUBLIC_URL), where the outbox is not served. Null when fine.
 */
export function mailDeliveryWarning(config: Config): string | null {
  if (config.smtpUrl) return null;
  const remote = !isLoopbackHost(config.host) || config.publicUrl.startsWith("https:") || config.production;
  if (!remote) return null;
  return `[tavoli] ATTENZIONE / WARNING: SMTP_URL assente, i link di accesso NON possono essere recapitati (la posta di sviluppo /dev/outbox è servita solo in locale) / no SMTP_URL: login mails CANNOT be delivered (the dev outbox is served to loopback only); impostare / set SMTP_URL`;
}
