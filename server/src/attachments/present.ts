import type { AttachmentDoc } from "./documents.ts";

/** JSON view of a file: what a list shows and a download link needs. */
export function presentAttachment(doc: AttachmentDoc) {
  return {
    id: doc._id.toHexString(),
    name: doc.name,
    contentType: doc.contentType,
    size: doc.size,
    createdAt: doc.createdAt.toISOString(),
  };
}
