import { defineEvents, hexId, z } from "../shared/event-schema.ts";

/** The events the agreements feature records (merged into the catalogue, `server/src/events.ts`). */
export const agreementEvents = defineEvents({
  "agreement.created": z.strictObject({ agreementId: hexId() }),
  /** `changed`: the names of the fields the patch set, never their values. */
  "agreement.updated": z.strictObject({ agreementId: hexId(), changed: z.array(z.string()) }),
  "agreement.admin_added": z.strictObject({ agreementId: hexId(), personId: hexId() }),
});
