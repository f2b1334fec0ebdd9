import { defineEvents, hexId, z } from "../shared/event-schema.ts";
import { ALL_TYPES } from "./file-type.ts";

/** The events the attachments feature records (merged into the catalogue, `server/src/events.ts`). */
export const attachmentEvents = defineEvents({
  /** Never the file's name: it may say what a confidential report is about (DOMAIN rule 10). */
  "attachment.added": z.strictObject({
    attachmentId: hexId(),
    ownerKind: z.enum(["issue_report", "contribution"]),
    ownerId: hexId(),
    tableId: hexId(),
    contentType: z.enum(ALL_TYPES),
    size: z.number().int(),
  }),
});
