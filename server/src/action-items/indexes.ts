import type { Db } from "mongodb";
import { actionItemCollections } from "./documents.ts";

/** The action-items feature's indexes (idempotent; db/indexes.ts runs it). */
export async function ensureActionItemsIndexes(db: Db): Promise<void> {
  const c = actionItemCollections(db);
  await Promise.all([
    // One tracked item per action item of the minutes: a repeated approval delivery finds it.
    c.actionItems.createIndex({ minutesId: 1, index: 1 }, { unique: true }),
    c.actionItems.createIndex({ tableId: 1, sittingStartsAt: 1 }),
    c.actionItems.createIndex({ ownerOrganisationId: 1 }),
    c.actionItems.createIndex({ ownerPersonId: 1 }),
  ]);
}
