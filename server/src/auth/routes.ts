import type { Context } from "hono";
import { type AppEnv, newRouter } from "../http/env.ts";
import { AppError } from "../shared/errors.ts";
import { parseId } from "../shared/schemas.ts";
import { clientIp } from "./client-ip.ts";
import {
  createApiTokenRoute,
  createSessionRoute,
  deleteSessionRoute,
  getSessionRoute,
  listApiTokensRoute,
  requestLoginLinkRoute,
  revokeApiTokenRoute,
} from "./contracts.ts";
import { clearSessionCookie, setSessionCookie } from "./cookies.ts";
import { createApiToken } from "./create-token.ts";
import { mayServeDevOutbox } from "./dev-outbox-guard.ts";
import { endSession } from "./end-session.ts";
import { requestLoginLink } from "./login-links.ts";
import { listOutbox } from "./outbox.ts";
import { presentApiToken, presentMail, presentSession } from "./present.ts";
import { getOwnPerson, listApiTokens } from "./queries.ts";
import { revokeApiToken } from "./revoke-token.ts";
import { startSession } from "./start-session.ts";

const LINK_SENT = {
  it: "Se l'indirizzo è registrato, a breve riceverai un'email con il link di accesso (valido 15 minuti).",
  en: "If the address is registered, you will shortly receive an email with a login link (valid for 15 minutes).",
};

/** The cookie session of the request, or 401 (bearer tokens have no session to show or end). */
function cookieSession(c: Context<AppEnv>) {
  const auth = c.get("auth");
  if (auth?.via !== "session") throw new AppError("unauthenticated", { reason: "no_session" });
  return auth;
}

/** Login by magic link, sessions, personal API tokens and the dev outbox. */
export function authRoutes() {
  const router = newRouter();
  router.openapi(requestLoginLinkRoute, async (c) => {
    const input = { email: c.req.valid("json").email, ip: clientIp(c) };
    await requestLoginLink({ ctx: c.get("ctx"), input });
    return c.json({ message: LINK_SENT[c.get("lang")] }, 202);
  });
  router.openapi(createSessionRoute, async (c) => {
    const input = { token: c.req.valid("json").token, ttlMs: c.get("config").sessionTtlMs };
    const { sessionId, session, person, actor } = await startSession({ ctx: c.get("ctx"), input });
    setSessionCookie(c, sessionId);
    return c.json(presentSession({ person, actor, csrfToken: session.csrfToken }), 201);
  });
  router.openapi(getSessionRoute, async (c) => {
    const { csrfToken } = cookieSession(c);
    const { person, actor } = await getOwnPerson({ ctx: c.get("ctx") });
    return c.json(presentSession({ person, actor, csrfToken }), 200);
  });
  router.openapi(deleteSessionRoute, async (c) => {
    const sessionId = parseId(cookieSession(c).sessionId);
    await endSession({ ctx: c.get("ctx"), input: { sessionId } });
    clearSessionCookie(c);
    return c.body(null, 204);
  });
  router.openapi(createApiTokenRoute, async (c) => {
    const { token, doc } = await createApiToken({ ctx: c.get("ctx"), input: c.req.valid("json") });
    return c.json({ ...presentApiToken(doc), token }, 201);
  });
  router.openapi(listApiTokensRoute, async (c) => {
    const docs = await listApiTokens({ ctx: c.get("ctx") });
    return c.json({ items: docs.map(presentApiToken) }, 200);
  });
  router.openapi(revokeApiTokenRoute, async (c) => {
    await revokeApiToken({ ctx: c.get("ctx"), input: { id: parseId(c.req.valid("param").id) } });
    return c.body(null, 204);
  });
  // Development aid only, deliberately left out of the OpenAPI document.
  router.get("/dev/outbox", async (c) => {
    if (!mayServeDevOutbox(c)) throw new AppError("route_not_found");
    const mails = await listOutbox({ ctx: c.get("ctx"), input: { limit: 50 } });
    return c.json({ items: mails.map(presentMail) });
  });
  return router;
}
