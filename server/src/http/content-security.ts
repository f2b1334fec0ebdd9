import type { MiddlewareHandler } from "hono";

/**
 * The one Content-Security-Policy of every page the server renders: scripts and styles only from files
 * this server serves (never inline, so text reflected into a page cannot run), no framing, no <base>,
 * forms only back to us. Images may be data: URLs (Swagger UI's icons).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** @hono/node-server's mark of a response a handler wrote itself to Node's `outgoing` (Slack OAuth). */
const ALREADY_SENT = "x-hono-already-sent";

/**
 * Sends the policy on every response (JSON too: harmless, and no HTML page can be forgotten). A response
 * already written straight to Node is left alone: its handler set the header on `outgoing` itself.
 */
export const contentSecurityPolicy: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.headers.has(ALREADY_SENT)) return;
  c.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
};
