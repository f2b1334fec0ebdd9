import type { Db } from "mongodb";
import { workPlanCollections } from "./documents.ts";

/** The work-plans feature's indexes (idempotent; db/indexes.ts runs it). */
export async function ensureWorkPlansIndexes(db: Db): Promise<void> {
  const c = workPlanCollections(db);
  await Promise.all([
    c.workPlans.createIndex({ agreementId: 1, tableId: 1, version: 1 }, { unique: true }),
    // One draft per plan: drafts share their plan's key, other versions carry it with their number.
    c.workPlans.createIndex({ draftKey: 1 }, { unique: true }),
  ]);
}
