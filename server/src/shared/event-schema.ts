import { z } from "zod";

/**
 * The building blocks of a feature's `events.ts`: each event type with the zod schema of its payload.
 * Payloads are strict objects, so a field the schema does not declare (an agenda, a description) is
 * refused when the event is recorded instead of travelling to notifiers; `events.ts` (beside main.ts)
 * merges every feature's map into the one catalogue.
 */
export type PayloadSchema = z.ZodType<Record<string, unknown>>;

/** Declares a feature's events: type → payload schema (kept literal, so the catalogue's types are exact). */
export function defineEvents<const S extends Record<string, PayloadSchema>>(schemas: S): S {
  return schemas;
}

/** An id as payloads carry it: 24 lowercase hex digits (`ObjectId.toHexString()`). */
export const hexId = () => z.string().regex(/^[0-9a-f]{24}$/);

/** A calendar date as the domain stores it, `YYYY-MM-DD`. */
export const isoDate = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** An instant as payloads carry it: `Date.toISOString()`. */
export const isoInstant = () => z.iso.datetime();

export { z };
