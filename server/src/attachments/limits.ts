import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../http/env.ts";
import { AppError } from "../shared/errors.ts";

/** The paths that take a file (multipart/form-data) instead of JSON. */
const UPLOAD_PATH = /^\/api\/v1\/(issue-reports|contributions)\/[^/]+\/attachments$/;

/** Room for the multipart envelope around the file: boundaries, part headers, a long file name. */
const MULTIPART_SLACK = 16 * 1024;

/** True for a request the upload limit, not the JSON one, applies to. */
export function isUploadPath(path: string): boolean {
  return UPLOAD_PATH.test(path);
}

/**
 * The upload's size limit, enforced while the body is read: a declared Content-Length over it is
 * refused before a byte is read, a chunked body as soon as it has gone over (413 `file_too_large`),
 * so an oversized upload never sits in memory whole.
 */
export function uploadBodyLimit(maxBytes: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: maxBytes + MULTIPART_SLACK,
    onError: () => {
      throw new AppError("file_too_large", { maxBytes });
    },
  });
}
