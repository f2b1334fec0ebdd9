import type { Db } from "mongodb";
import { membershipCollections } from "./documents.ts";

/** The memberships feature's indexes (idempotent; db/indexes.ts runs it and says what an index may not be). */
export async function ensureMembershipsIndexes(db: Db): Promise<void> {
  const c = membershipCollections(db);
  await Promise.all([
    c.memberships.createIndex({ agreementId: 1, organisationId: 1, seq: 1 }, { unique: true }),
    c.memberships.createIndex({ organisationId: 1 }),
  ]);
}
