import { OpenAPIHono } from "@hono/zod-openapi";
import type { Config } from "../config.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import type { Mailer } from "../shared/mailer.ts";

export type Lang = "it" | "en";

/** How the request was authenticated; cookie sessions need a CSRF token on writes, bearer tokens do not. */
export type Auth =
  | { personId: string; via: "session"; sessionId: string; csrfToken: string }
  | { personId: string; via: "token" };

export type AppEnv = {
  Variables: { ctx: Ctx; lang: Lang; auth: Auth | null; config: Config; mailer: Mailer };
};

/** A router whose zod validation failures become our `validation_failed` error. */
export function newRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppError(
          "validation_failed",
          result.error.issues.map((issue) => ({
            path: issue.path.join("."),
            message: issue.message,
            code: issue.code,
          })),
        );
      }
    },
  });
}

export type Router = ReturnType<typeof newRouter>;
