import { createHash } from "node:crypto";
import { AppError } from "../shared/errors.ts";

/** The request header, as the IETF draft (draft-ietf-httpapi-idempotency-key-header) names it. */
export const IDEMPOTENCY_HEADER = "idempotency-key";

/** Set on an answer that is the stored one of an earlier request with the same key. */
export const REPLAYED_HEADER = "Idempotent-Replayed";

const VALID_KEY = /^[\x21-\x7e]{1,255}$/;

/** The key as sent, or 400 `invalid_idempotency_key`: 1–255 visible ASCII characters (no spaces). */
export function parseIdempotencyKey(header: string): string {
  if (!VALID_KEY.test(header)) throw new AppError("invalid_idempotency_key", { maxLength: 255 });
  return header;
}

/**
 * What makes two requests "the same": method, path with query, and the SHA-256 of the body's bytes.
 * The body is read from a clone, so the handler still reads the original stream. A multipart body's
 * boundary is random per request (a client rebuilding its FormData for a retry picks a new one), so it
 * is replaced by a fixed one before hashing: the same file under the same name is the same request.
 */
export async function fingerprintOf(request: Request): Promise<string> {
  const url = new URL(request.url);
  const body = createHash("sha256");
  if (request.body) {
    const boundary = /^multipart\/[^;]+;.*\bboundary="?([^";]+)"?/i.exec(
      request.headers.get("content-type") ?? "",
    )?.[1];
    if (boundary) body.update(withoutBoundary(Buffer.from(await request.clone().arrayBuffer()), boundary));
    else {
      const reader = request.clone().body?.getReader();
      for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read())
        body.update(chunk.value);
    }
  }
  return createHash("sha256")
    .update(`${request.method}\n${url.pathname}${url.search}\n${body.digest("hex")}`)
    .digest("hex");
}

function withoutBoundary(bytes: Buffer, boundary: string): Buffer {
  const marker = Buffer.from(`--${boundary}`);
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = bytes.indexOf(marker, from); at !== -1; at = bytes.indexOf(marker, from)) {
    parts.push(bytes.subarray(from, at), Buffer.from("--boundary"));
    from = at + marker.length;
  }
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts);
}
