import { defineEvents, hexId, z } from "../shared/event-schema.ts";

const table = z.strictObject({ tableId: hexId(), agreementId: hexId() });

/** The events the tables feature records (merged into the catalogue, `server/src/events.ts`). */
export const tableEvents = defineEvents({
  "table.created": table,
  "table.updated": table,
  "table.coordinators_set": table,
  "table.material_added": table,
});

export type TableEventType = keyof typeof tableEvents;
