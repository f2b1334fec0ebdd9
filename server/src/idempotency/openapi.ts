type Doc = {
  paths?: Record<
    string,
    Record<string, { security?: unknown[]; parameters?: unknown[]; responses?: Record<string, unknown> }>
  >;
  components?: Record<string, Record<string, unknown>>;
};

const WRITES = ["post", "put", "patch", "delete"];
const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

/**
 * Declares `Idempotency-Key` once for the whole document, on every operation the middleware serves
 * (authenticated writes outside /auth), with its two refusals: the routes' contracts stay about their
 * own request, the way the middleware stays out of their handlers.
 */
export function documentIdempotencyKey<D extends object>(document: D): D {
  const doc = document as Doc;
  doc.components ??= {};
  doc.components.parameters = {
    ...doc.components.parameters,
    IdempotencyKey: {
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description:
        "1–255 visible ASCII characters, chosen by the client per write (a UUID). A repeat with the same key and " +
        "the same request answers the first result again, with `Idempotent-Replayed: true`, for 24 hours; the " +
        "same key with another request is 422 `idempotency_key_reused`; while the first still runs, 409 " +
        "`idempotency_key_in_progress` with `Retry-After`. Keys are per person. 5xx answers are not kept.",
      schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x21-\\x7E]+$" },
    },
  };
  for (const [path, operations] of Object.entries(doc.paths ?? {})) {
    if (path.startsWith("/auth/")) continue;
    for (const [method, operation] of Object.entries(operations)) {
      if (!WRITES.includes(method) || !operation.security?.length) continue;
      operation.parameters = [
        ...(operation.parameters ?? []),
        { $ref: "#/components/parameters/IdempotencyKey" },
      ];
      operation.responses = {
        409: errorResponse(
          "Conflict with the current state, or a request with the same Idempotency-Key still running",
        ),
        ...operation.responses,
        422: errorResponse("The Idempotency-Key was used for another request (idempotency_key_reused)"),
      };
    }
  }
  return document;
}
