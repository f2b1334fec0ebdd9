import type { Db } from "mongodb";
import { organisationCollections } from "./documents.ts";

/** The organisations feature's indexes (idempotent; db/indexes.ts runs it and says what an index may not be). */
export async function ensureOrganisationsIndexes(db: Db): Promise<void> {
  const c = organisationCollections(db);
  await Promise.all([
    c.organisations.createIndex({ key: 1 }, { unique: true }),
    c.organisations.createIndex({ name: 1 }),
  ]);
}
