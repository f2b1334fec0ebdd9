import type { ErrorEntry } from "../shared/errors.ts";

/** The deadlines feature refuses only with generic codes (validation, 403, 404): none of its own yet. */
export const deadlineErrors = {} as const satisfies Record<string, ErrorEntry>;
