import { defineEvents, hexId, z } from "../shared/event-schema.ts";

/** The events the people feature records (merged into the catalogue, `server/src/events.ts`). */
export const personEvents = defineEvents({
  "person.created": z.strictObject({ personId: hexId() }),
  /** `changed`: the names of the fields the person changed, never their values. */
  "person.updated": z.strictObject({ personId: hexId(), changed: z.array(z.string()) }),
  "person.erased": z.strictObject({ personId: hexId() }),
});
