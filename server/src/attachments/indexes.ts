import type { Db } from "mongodb";
import { attachmentCollections } from "./documents.ts";

/** The attachments feature's indexes (idempotent; db/indexes.ts runs it and says what an index may not be). */
export async function ensureAttachmentsIndexes(db: Db): Promise<void> {
  const c = attachmentCollections(db);
  await Promise.all([
    c.attachments.createIndex({ ownerId: 1 }),
    c.attachments.createIndex({ uploadedById: 1 }),
    // Sparse, not partial (the embedded engine ignores partial indexes): files without a key are left out.
    c.attachments.createIndex({ idempotencyKey: 1 }, { unique: true, sparse: true }),
    c.attachmentChunks.createIndex({ attachmentId: 1, n: 1 }, { unique: true }),
  ]);
}
