import { z } from "@hono/zod-openapi";
import { ObjectId } from "mongodb";
import { isRealDate } from "./dates.ts";
import { AppError } from "./errors.ts";

/** A 24-hex ObjectId in a path, query or body, parsed into an ObjectId. */
export const objectId = z
  .string()
  .regex(/^[0-9a-fA-F]{24}$/, "identificativo non valido / invalid id")
  .transform((hex) => new ObjectId(hex))
  .openapi({ type: "string", example: "6650f1c2a1b2c3d4e5f60718", description: "ObjectId (24 hex)" });

/** Path parameter `id`. */
export const idParam = z.object({
  // parsed with parseId() so a bad id gets the `invalid_id` code
  id: z.string().openapi({ param: { name: "id", in: "path" }, example: "6650f1c2a1b2c3d4e5f60718" }),
});

/** A calendar date YYYY-MM-DD that exists. */
export const isoDate = z
  .string()
  .refine(isRealDate, "data non valida (AAAA-MM-GG) / invalid date (YYYY-MM-DD)")
  .openapi({ example: "2026-01-15", format: "date" });

/** Short human text: trimmed, non-empty, bounded. */
export const text = (max: number) => z.string().trim().min(1).max(max);

/** Why an act is recorded with a date before today (admins only; see shared/backdating.ts). */
export const backdatingReason = text(500).nullable().default(null).openapi({
  description:
    "Required when the date is before today, which only admins may record: why (e.g. the protocol number of the act)",
});

/** The `riservato` flag of what a referent brings to a table (DOMAIN rule 10); off unless asked. */
export const confidentialFlag = z
  .boolean()
  .default(false)
  .openapi({ description: "riservato: only the table's members see it; never in notifications" });

/** The one error shape of the API. */
export const errorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "validation_failed" }),
      message: z.string().openapi({ example: "Dati non validi." }),
      details: z.unknown(),
    }),
  })
  .openapi("Error");

/** A page of items with the cursor of the next page. */
export const pageOf = <T extends z.ZodType>(item: T, name: string) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() }).openapi(name);

/** Parses a path id, or throws `invalid_id` (400). */
export function parseId(hex: string): ObjectId {
  if (!/^[0-9a-fA-F]{24}$/.test(hex)) throw new AppError("invalid_id", { id: hex });
  return new ObjectId(hex);
}

/** A PATCH body must change something: `{}` is refused (and documented with minProperties: 1). */
export function nonEmptyPatch<T extends z.ZodType<object>>(schema: T) {
  return schema
    .refine((patch) => Object.keys(patch).length > 0, "nessun campo da modificare / nothing to change")
    .openapi({ minProperties: 1 });
}
