import { createRoute, z } from "@hono/zod-openapi";
import { authenticated, errorsFor, jsonContent as json, jsonBody } from "../shared/openapi.ts";
import { idParam, text } from "../shared/schemas.ts";

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "email non valida / invalid email")
  .openapi({ format: "email", example: "referente@comune.caltagirone.ct.it" });

const loginToken = z.string().min(1).max(200).openapi({ description: "The token of a login link" });

export const sessionView = z
  .object({
    person: z.object({ id: z.string(), name: z.string(), email: z.string(), locale: z.enum(["it", "en"]) }),
    roles: z.object({
      isInstallationAdmin: z.boolean(),
      agreementAdminOf: z.array(z.string()),
      coordinatorOf: z.array(z.string()),
      referentFor: z.array(z.string()),
    }),
    csrfToken: z
      .string()
      .openapi({ description: "Send it as X-CSRF-Token on every cookie-authenticated write" }),
  })
  .openapi("Session");

const apiToken = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi("ApiToken");

export const requestLoginLinkRoute = createRoute({
  method: "post",
  path: "/auth/login-links",
  tags: ["Auth"],
  summary: "Email a single-use login link (same answer whether or not the address is known)",
  request: { body: jsonBody(z.strictObject({ email })) },
  responses: {
    202: { description: "Accepted", ...json(z.object({ message: z.string() })) },
    ...errorsFor(400),
    429: { ...errorsFor(429)[429], headers: z.object({ "Retry-After": z.string() }) },
  },
});

export const createSessionRoute = createRoute({
  method: "post",
  path: "/auth/sessions",
  tags: ["Auth"],
  summary: "Exchange a login-link token for a session cookie (API clients; browsers use /auth/verify)",
  request: { body: jsonBody(z.strictObject({ token: loginToken })) },
  responses: {
    201: { description: "Logged in; the session cookie is set", ...json(sessionView) },
    400: { ...errorsFor(400)[400], description: "link_invalid: unknown, expired or already used" },
  },
});

export const getSessionRoute = createRoute({
  method: "get",
  path: "/auth/session",
  tags: ["Auth"],
  summary: "The current cookie session: person, roles and CSRF token",
  security: [{ sessionCookie: [] }],
  responses: { 200: { description: "The session", ...json(sessionView) }, ...errorsFor(401) },
});

export const deleteSessionRoute = createRoute({
  method: "delete",
  path: "/auth/session",
  tags: ["Auth"],
  summary: "Log out (needs X-CSRF-Token)",
  security: [{ sessionCookie: [] }],
  responses: {
    204: { description: "Logged out; the cookie is cleared" },
    ...errorsFor(401, 403),
  },
});

export const createApiTokenRoute = createRoute({
  method: "post",
  path: "/auth/tokens",
  tags: ["Auth"],
  summary: "Create a personal API token (the secret is shown only in this answer)",
  security: authenticated,
  request: { body: jsonBody(z.strictObject({ name: text(100) })) },
  responses: {
    201: { description: "Created", ...json(apiToken.extend({ token: z.string() }).openapi("NewApiToken")) },
    ...errorsFor(400, 401, 403),
  },
});

export const listApiTokensRoute = createRoute({
  method: "get",
  path: "/auth/tokens",
  tags: ["Auth"],
  summary: "List my API tokens (without secrets)",
  security: authenticated,
  responses: {
    200: {
      description: "My tokens",
      ...json(z.object({ items: z.array(apiToken) }).openapi("ApiTokenList")),
    },
    ...errorsFor(401),
  },
});

export const revokeApiTokenRoute = createRoute({
  method: "delete",
  path: "/auth/tokens/{id}",
  tags: ["Auth"],
  summary: "Revoke one of my API tokens",
  security: authenticated,
  request: { params: idParam },
  responses: {
    204: { description: "Revoked" },
    ...errorsFor(400, 401, 403, 404),
  },
});
