import type { ErrorEntry } from "../shared/errors.ts";

/** The error codes the designations feature refuses with (merged into shared/errors.ts's one catalogue). */
export const designationErrors = {
  duplicate_designation: {
    status: 409,
    it: "Questa persona è già referente dell'ente per questo tavolo nel periodo indicato.",
    en: "This person is already the organisation's referent on this table for that period.",
  },
  designation_ended: {
    status: 409,
    it: "La designazione è già terminata.",
    en: "The designation has already ended.",
  },
} as const satisfies Record<string, ErrorEntry>;
