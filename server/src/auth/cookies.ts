import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../http/env.ts";
import { SESSION_COOKIE } from "./middleware.ts";

// Secure only over https, so the cookie still works on http://localhost during development.
const secure = (c: Context<AppEnv>) => c.get("config").publicUrl.startsWith("https:");

/** Sets the session cookie: HttpOnly (no script reads it), SameSite=Lax (no cross-site writes). */
export function setSessionCookie(c: Context<AppEnv>, sessionId: string): void {
  setCookie(c, SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure: secure(c),
    maxAge: Math.floor(c.get("config").sessionTtlMs / 1000),
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: secure(c), httpOnly: true, sameSite: "Lax" });
}
