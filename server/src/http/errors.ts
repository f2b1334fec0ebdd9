import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import {
  MongoClientClosedError,
  MongoError,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from "mongodb";
import { AppError, errorCatalogue, isDuplicateKey } from "../shared/errors.ts";
import type { AppEnv } from "./env.ts";

/**
 * The database cannot be reached (an outage, a restart) or its client is closed (shutting down). Also
 * when that is the cause of another error (a bulk write cut off mid-way) or the driver labels it a
 * transient write failure: the client may retry later, nothing is wrong with its request.
 */
function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (
      e instanceof MongoServerSelectionError ||
      e instanceof MongoClientClosedError ||
      e instanceof MongoNetworkError ||
      e instanceof MongoTopologyClosedError ||
      e instanceof MongoNotConnectedError ||
      (e instanceof MongoError && e.hasErrorLabel("RetryableWriteError"))
    )
      return true;
  }
  return false;
}

/** The one place errors become responses: `{ error: { code, message, details } }`, never a stack trace. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 413) return new AppError("payload_too_large");
    if (error.status === 400) return new AppError("invalid_json");
    if (error.status === 415) return new AppError("unsupported_media_type");
    if (error.status === 404) return new AppError("route_not_found");
  }
  if (isDuplicateKey(error)) return new AppError("conflict");
  if (isDatabaseUnavailable(error)) return new AppError("database_unavailable", { retryAfterSeconds: 5 });
  if (error instanceof SyntaxError) return new AppError("invalid_json");
  return new AppError("internal");
}

/** Hono onError handler. */
export function handleError(error: Error, c: Context<AppEnv>) {
  const appError = toAppError(error);
  if (appError.code === "internal") console.error("[api] unexpected error", error);
  const lang = c.get("lang") ?? "it";
  const entry = errorCatalogue[appError.code];
  const retryAfter = (appError.details as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  if (typeof retryAfter === "number") c.header("Retry-After", String(retryAfter));
  return c.json(
    {
      error: { code: appError.code, message: lang === "en" ? entry.en : entry.it, details: appError.details },
    },
    appError.status as 400,
  );
}
