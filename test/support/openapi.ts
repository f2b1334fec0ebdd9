import { z } from "zod";

type Json = Record<string, any>;

/** One documented response of one operation: its media type and, for JSON, a validator built from its schema. */
export type DocumentedResponse = { mediaType: string; validate: (body: unknown) => string[] };

/**
 * Reads the published OpenAPI 3.1 document as a client would: each response schema (JSON Schema 2020-12)
 * becomes a validator, its `#/components/schemas/…` references resolved against the same document.
 */
export function openApiResponses(doc: Json) {
  const defs = doc.components?.schemas ?? {};
  const local = (schema: unknown) =>
    JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', '"#/$defs/'));
  const cache = new Map<string, z.ZodType>();

  /** The response documented for this operation and status, or null when the status is not documented. */
  function documented(method: string, path: string, status: number): DocumentedResponse | null {
    const response = doc.paths?.[path]?.[method.toLowerCase()]?.responses?.[String(status)];
    if (!response) return null;
    const [mediaType, content] = Object.entries<Json>(response.content ?? {})[0] ?? ["", {}];
    const key = `${method} ${path} ${status}`;
    return {
      mediaType,
      validate: (body) => {
        if (!mediaType)
          return body === null || body === "" ? [] : ["documented without a body, yet one came"];
        if (!mediaType.includes("json")) return typeof body === "string" ? [] : ["expected a text body"];
        let schema = cache.get(key);
        if (!schema) {
          schema = z.fromJSONSchema({
            $schema: "https://json-schema.org/draft/2020-12/schema",
            ...local(content.schema ?? {}),
            $defs: local(defs),
          });
          cache.set(key, schema);
        }
        const result = schema.safeParse(body);
        return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
      },
    };
  }

  /** Every documented operation as [METHOD, path]. */
  const operations = Object.entries<Json>(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((m) => ["get", "post", "put", "patch", "delete"].includes(m))
      .map((m) => [m.toUpperCase(), path] as const),
  );
  return { documented, operations };
}
