import { defineEvents, hexId, z } from "../shared/event-schema.ts";

/** The events the organisations feature records (merged into the catalogue, `server/src/events.ts`). */
export const organisationEvents = defineEvents({
  /** `key`: the organisation's stable identifier (`istat:…` or a slug), not its name. */
  "organisation.created": z.strictObject({ organisationId: hexId(), key: z.string() }),
  /** `changed`: the names of the fields the patch set, never their values. */
  "organisation.updated": z.strictObject({ organisationId: hexId(), changed: z.array(z.string()) }),
  "organisations.imported": z.strictObject({
    source: z.literal("istat"),
    total: z.number(),
    inserted: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    ms: z.number(),
  }),
});
