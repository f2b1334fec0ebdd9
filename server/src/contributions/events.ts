import { defineEvents, hexId, z } from "../shared/event-schema.ts";
import { CONTRIBUTION_KINDS } from "./kinds.ts";

const base = {
  contributionId: hexId(),
  tableId: hexId(),
  organisationId: hexId(),
  kind: z.enum(CONTRIBUTION_KINDS),
};

/**
 * A contribution's payload names ids, kind and confidentiality; the title only when the contribution is
 * not confidential (DOMAIN rule 10), never the description: a confidential one has no `title` field at
 * all (the strict object refuses it), a public one must carry it.
 */
const contribution = z.discriminatedUnion("confidential", [
  z.strictObject({ ...base, confidential: z.literal(true) }),
  z.strictObject({ ...base, confidential: z.literal(false), title: z.string() }),
]);

/** The events the contributions feature records (merged into the catalogue, `server/src/events.ts`). */
export const contributionEvents = defineEvents({
  "contribution.logged": contribution,
  "contribution.withdrawn": contribution,
});
