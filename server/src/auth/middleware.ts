import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { ObjectId } from "mongodb";
import type { AppEnv, Auth } from "../http/env.ts";
import { loadActor } from "../people/load-actor.ts";
import type { Collections } from "../shared/collections.ts";
import { createCtx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import type { EventBus } from "../shared/events.ts";
import type { ApiTokenDoc } from "./documents.ts";
import { hashToken, sameSecret } from "./secrets.ts";

export const SESSION_COOKIE = "tavoli_session";
export const CSRF_HEADER = "x-csrf-token";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
// Login endpoints are anonymous by design or carry their own secret (the link token): a browser that
// still holds an old session must be able to log in again without a CSRF token it no longer knows.
// A push action carries its own single-purpose token, and the service worker posting it has no CSRF token.
const CSRF_EXEMPT = new Set([
  "/auth/verify",
  "/api/v1/auth/sessions",
  "/api/v1/auth/login-links",
  "/api/v1/rsvp-actions",
]);

/**
 * Resolves the caller from a bearer API token or the session cookie, builds the use-case context, and
 * requires the session's CSRF token on cookie-authenticated writes.
 */
export function authenticate(deps: { bus: EventBus; now?: () => Date }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const db = c.get("ctx")?.db;
    if (!db) throw new Error("authenticate() needs the ctx set by the app");
    const base = createCtx({ db, bus: deps.bus, now: deps.now });
    const now = base.now();
    let auth: Auth | null = null;
    const header = c.req.header("authorization");
    if (header?.toLowerCase().startsWith("bearer ")) {
      const token = await base.c.apiTokens.findOne({
        tokenHash: hashToken(header.slice(7).trim()),
        revokedAt: null,
      });
      if (!token) throw new AppError("unauthenticated", { reason: "invalid_token" });
      await recordUse(base.c.apiTokens, token, now);
      auth = { personId: token.personId.toHexString(), via: "token" };
    } else {
      const sessionId = getCookie(c, SESSION_COOKIE);
      if (sessionId) {
        const session = await base.c.sessions.findOne({
          idHash: hashToken(sessionId),
          expiresAt: { $gt: now },
        });
        if (session) {
          auth = {
            personId: session.personId.toHexString(),
            via: "session",
            sessionId: session._id.toHexString(),
            csrfToken: session.csrfToken,
          };
        }
      }
    }
    if (auth?.via === "session" && !SAFE_METHODS.has(c.req.method) && !CSRF_EXEMPT.has(c.req.path)) {
      const sent = c.req.header(CSRF_HEADER) ?? "";
      if (!sameSecret(sent, auth.csrfToken)) throw new AppError("csrf_failed");
    }
    const actor = auth ? await loadActor(base.c, new ObjectId(auth.personId), now) : null;
    c.set("auth", actor ? auth : null);
    c.set("ctx", { ...base, actor });
    await next();
  };
}

/**
 * "Last used" is shown to the minute, so it is written at most once a minute per token: the token just
 * read says whether it is due, and the guard keeps concurrent requests on any instance from writing it
 * again. A `$set` of this one field never touches `revokedAt`, so it cannot undo a concurrent revocation.
 */
async function recordUse(tokens: Collections["apiTokens"], token: ApiTokenDoc, now: Date): Promise<void> {
  const minuteAgo = new Date(now.getTime() - 60_000);
  if (token.lastUsedAt && token.lastUsedAt >= minuteAgo) return;
  await tokens.updateOne(
    { _id: token._id, $or: [{ lastUsedAt: null }, { lastUsedAt: { $lt: minuteAgo } }] },
    { $set: { lastUsedAt: now } },
  );
}
