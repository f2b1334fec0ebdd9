import { setTimeout } from "node:timers/promises";
import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import type { Db } from "mongodb";
import { actionItemRoutes } from "../action-items/routes.ts";
import { agreementRoutes } from "../agreements/routes.ts";
import { attachmentRoutes, isUploadPath, uploadBodyLimit } from "../attachments/index.ts";
import { attendanceRoutes } from "../attendance/routes.ts";
import { auditRoutes } from "../audit/routes.ts";
import { authenticate } from "../auth/middleware.ts";
import { authPages } from "../auth/pages.ts";
import { authRoutes } from "../auth/routes.ts";
import { calendarRoutes } from "../calendar/routes.ts";
import type { Config } from "../config.ts";
import { contributionRoutes } from "../contributions/routes.ts";
import { deadlineRoutes } from "../deadlines/routes.ts";
import { designationRoutes } from "../designations/routes.ts";
import { dispatchRoutes } from "../dispatch/routes.ts";
import { docsRoutes } from "../docs/routes.ts";
import { homeRoutes } from "../home/routes.ts";
import { documentIdempotencyKey, idempotency } from "../idempotency/index.ts";
import { issueReportRoutes } from "../issue-reports/routes.ts";
import { meetingRoutes } from "../meetings/routes.ts";
import { membershipRoutes } from "../memberships/routes.ts";
import { minutesRoutes } from "../minutes/routes.ts";
import { organisationRoutes } from "../organisations/routes.ts";
import { peopleRoutes } from "../people/routes.ts";
import { proposalRoutes } from "../proposals/routes.ts";
import { pushRoutes } from "../push/routes.ts";
import { reminderPreferenceRoutes } from "../reminders/routes.ts";
import { reportRoutes } from "../reports/routes.ts";
import { rsvpActionRoutes } from "../rsvp-actions/index.ts";
import { rsvpRoutes } from "../rsvps/routes.ts";
import { serviceRoutes } from "../services/routes.ts";
import { createCtx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import type { EventBus } from "../shared/events.ts";
import type { Mailer } from "../shared/mailer.ts";
import { tableRoutes } from "../tables/routes.ts";
import { workPlanRoutes } from "../work-plans/routes.ts";
import { contentSecurityPolicy } from "./content-security.ts";
import { type AppEnv, newRouter } from "./env.ts";
import { handleError } from "./errors.ts";
import { pickLang } from "./lang.ts";

export type AppDeps = {
  config: Config;
  db: Db;
  bus: EventBus;
  mailer: Mailer;
  now?: () => Date;
  /**
   * Routes of other clients served by this app (the Slack bot's events, install and link pages), mounted
   * at the root after the API. The caller composes them (main.ts), so the server does not know the bot.
   */
  mounts?: Hono<AppEnv>[];
  /** Where the built PWA is (default pwa/dist). */
  pwaDist?: string;
};

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH"]);

/**
 * A write that carries a body must say it is JSON: anything else is 415, never silently read as `{}`.
 * File uploads are the one exception, and take multipart/form-data only.
 */
const requireJsonBodies: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (WRITE_METHODS.has(c.req.method) && isUploadPath(c.req.path)) {
    const type = c.req.header("content-type") ?? "";
    if (!/^multipart\/form-data\s*;/i.test(type))
      throw new AppError("unsupported_media_type", {
        contentType: type || null,
        expected: "multipart/form-data",
      });
  } else if (WRITE_METHODS.has(c.req.method)) {
    const length = c.req.header("content-length");
    const hasBody =
      (length !== undefined && length !== "0") || c.req.header("transfer-encoding") !== undefined;
    const type = c.req.header("content-type") ?? "";
    if (hasBody && !/^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i.test(type)) {
      throw new AppError("unsupported_media_type", { contentType: type || null });
    }
  }
  await next();
};

/** /healthz answers within this, reachable or not. */
const HEALTH_TIMEOUT_MS = 800;

/** JSON bodies above this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Builds the whole HTTP surface: the documented API under /api/v1, its docs, health and auth pages. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.notFound(() => {
    throw new AppError("route_not_found");
  });
  app.use(secureHeaders({ contentSecurityPolicy: undefined, crossOriginResourcePolicy: false }));
  app.use(contentSecurityPolicy);
  app.use(async (c, next) => {
    c.set("lang", pickLang(c.req.header("accept-language")));
    c.set("config", deps.config);
    c.set("mailer", deps.mailer);
    c.set("ctx", createCtx({ db: deps.db, bus: deps.bus, now: deps.now }));
    await next();
  });
  const jsonBodyLimit: MiddlewareHandler<AppEnv> = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new AppError("payload_too_large", { maxBytes: MAX_BODY_BYTES });
    },
  });
  const fileBodyLimit = uploadBodyLimit(deps.config.attachmentMaxBytes);
  app.use("/api/*", (c, next) => (isUploadPath(c.req.path) ? fileBodyLimit : jsonBodyLimit)(c, next));
  app.use("/api/*", requireJsonBodies);
  app.use("/api/*", authenticate({ bus: deps.bus, now: deps.now }));
  app.use("/api/v1/*", idempotency());
  app.use("/auth/*", authenticate({ bus: deps.bus, now: deps.now }));
  app.use("/", authenticate({ bus: deps.bus, now: deps.now }));

  app.get("/healthz", async (c) => {
    const started = Date.now();
    try {
      // Within a second either way: a load balancer must not wait out an outage to learn of it. The
      // driver's own timeoutMS does not cut its server selection short, so a timer races the ping.
      await Promise.race([
        deps.db.command({ ping: 1 }, { timeoutMS: HEALTH_TIMEOUT_MS }),
        setTimeout(HEALTH_TIMEOUT_MS).then(() => {
          throw new Error("health check timed out");
        }),
      ]);
      return c.json({ status: "ok", db: { reachable: true, latencyMs: Date.now() - started } });
    } catch {
      c.header("Retry-After", "5");
      return c.json({ status: "degraded", db: { reachable: false } }, 503);
    }
  });

  const api = newRouter();
  api.openAPIRegistry.registerComponent("securitySchemes", "bearerToken", {
    type: "http",
    scheme: "bearer",
    description: "Personal API token (POST /api/v1/auth/tokens)",
  });
  api.openAPIRegistry.registerComponent("securitySchemes", "sessionCookie", {
    type: "apiKey",
    in: "cookie",
    name: "tavoli_session",
    description: "Browser session from a magic link; writes also need the X-CSRF-Token header",
  });
  api.route("/", agreementRoutes());
  api.route("/", membershipRoutes());
  api.route("/", organisationRoutes());
  api.route("/", tableRoutes());
  api.route("/", peopleRoutes());
  api.route("/", designationRoutes());
  api.route("/", meetingRoutes());
  api.route("/", rsvpRoutes());
  api.route("/", rsvpActionRoutes());
  api.route("/", attendanceRoutes());
  api.route("/", calendarRoutes());
  api.route("/", issueReportRoutes());
  api.route("/", attachmentRoutes());
  api.route("/", contributionRoutes());
  api.route("/", minutesRoutes());
  api.route("/", proposalRoutes());
  api.route("/", reminderPreferenceRoutes());
  api.route("/", pushRoutes());
  api.route("/", actionItemRoutes());
  api.route("/", authRoutes());
  api.route("/", auditRoutes());
  api.route("/", dispatchRoutes());
  api.route("/", workPlanRoutes());
  api.route("/", deadlineRoutes());
  api.route("/", serviceRoutes());
  api.route("/", reportRoutes());
  const openApiConfig = {
    openapi: "3.1.0",
    info: {
      title: "Tavoli API",
      version: "1.0.0",
      description:
        "Tavoli di lavoro degli accordi intercomunali per la transizione digitale: accordi, enti, adesioni, referenti e tavoli. Errors: `{ error: { code, message, details } }`, Italian messages unless `Accept-Language: en`.",
      license: {
        name: "EUPL-1.2",
        url: "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12",
      },
    },
    servers: [{ url: "/api/v1" }],
  };
  // As doc31 serves it, plus the Idempotency-Key header every authenticated write accepts.
  api.get("/openapi.json", (c) => c.json(documentIdempotencyKey(api.getOpenAPI31Document(openApiConfig))));
  app.route("/api/v1", api);
  for (const routes of deps.mounts ?? []) app.route("/", routes);
  app.route("/", docsRoutes());
  app.route("/", authPages());
  app.route("/", homeRoutes(deps.pwaDist));
  return app;
}
