import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A fresh unguessable token (256 bits, base64url), optionally prefixed (e.g. `tvl_` for API tokens). */
export function newToken(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

/** SHA-256 of a token: only hashes are stored, so a database leak yields no usable link, session or token. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Constant-time string comparison. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
