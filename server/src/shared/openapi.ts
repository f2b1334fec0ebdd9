import type { z } from "@hono/zod-openapi";
import { errorBody } from "./schemas.ts";

const error = (description: string) => ({
  description,
  content: { "application/json": { schema: errorBody } },
});

/** Error responses shared by every route contract. */
export const standardErrors = {
  400: error("Invalid input (code validation_failed, invalid_id, …)"),
  401: error("Login required"),
  403: error("Not allowed (forbidden, other_organisation, csrf_failed)"),
  404: error("Not found"),
  409: error("Conflict with the current state"),
  429: error("Too many requests"),
} as const;

/** `{ content: { "application/json": { schema } } }` */
export const jsonContent = <T extends z.ZodType>(schema: T) => ({
  content: { "application/json": { schema } },
});

/** A required JSON request body. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ required: true, ...jsonContent(schema) });

/** Security requirement of endpoints that need a logged-in person. */
export const authenticated: Record<string, string[]>[] = [{ bearerToken: [] }, { sessionCookie: [] }];

type ErrorStatus = keyof typeof standardErrors;

/** The standard error responses for the given statuses, to spread into a route's `responses`. */
export function errorsFor<S extends ErrorStatus>(...statuses: S[]): Pick<typeof standardErrors, S> {
  return Object.fromEntries(statuses.map((status) => [status, standardErrors[status]])) as Pick<
    typeof standardErrors,
    S
  >;
}
