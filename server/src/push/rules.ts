import { createHash, ECDH } from "node:crypto";
import { AppError } from "../shared/errors.ts";

/** The hash the unique index on subscriptions is built on (endpoints are long URLs). */
export function endpointHash(endpoint: string): string {
  return createHash("sha256").update(endpoint).digest("hex");
}

/**
 * A push service's URL: https, on one of the `serviceHosts` (config PUSH_SERVICE_HOSTS), no credentials. Plain http is refused even on loopback:
 * `web-push` only speaks https, so such a subscription could never receive anything (the tests' push
 * service stand-in speaks TLS with a certificate the test trusts).
 */
export function checkEndpoint(endpoint: string, serviceHosts: readonly string[]): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new AppError("push_endpoint_invalid", { field: "endpoint", reason: "not_a_url" });
  }
  if (url.protocol !== "https:")
    throw new AppError("push_endpoint_invalid", { field: "endpoint", reason: "not_https" });
  if (!url.hostname || url.username || url.password)
    throw new AppError("push_endpoint_invalid", { field: "endpoint", reason: "bad_host" });
  // The server will POST to this URL: only to a known push service, never anywhere a user names.
  const host = url.hostname.toLowerCase();
  if (!serviceHosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`)))
    throw new AppError("push_endpoint_invalid", { field: "endpoint", reason: "unknown_push_service" });
  return endpoint;
}

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** The bytes of a base64url value, or null when it is not one (Node's decoder skips bad characters). */
function base64urlBytes(value: string): Buffer | null {
  return BASE64URL.test(value) ? Buffer.from(value, "base64url") : null;
}

/**
 * The browser's keys as RFC 8291 needs them: `p256dh` an uncompressed point on P-256 (65 bytes, 0x04
 * first), `auth` a 16-byte secret. Stored without padding, as browsers write them.
 */
export function checkKeys(keys: { p256dh: string; auth: string }): { p256dh: string; auth: string } {
  const p256dh = base64urlBytes(keys.p256dh);
  if (p256dh?.length !== 65 || p256dh[0] !== 0x04 || !onCurve(p256dh))
    throw new AppError("push_keys_invalid", { field: "keys.p256dh", bytes: p256dh?.length ?? null });
  const auth = base64urlBytes(keys.auth);
  if (auth?.length !== 16)
    throw new AppError("push_keys_invalid", { field: "keys.auth", bytes: auth?.length ?? null });
  return { p256dh: p256dh.toString("base64url"), auth: auth.toString("base64url") };
}

/** True when the bytes are a point of P-256 (OpenSSL refuses to convert anything else). */
function onCurve(point: Buffer): boolean {
  try {
    ECDH.convertKey(point, "prime256v1");
    return true;
  } catch {
    return false;
  }
}
