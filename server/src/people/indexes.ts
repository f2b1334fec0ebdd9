import type { Db } from "mongodb";
import { peopleCollections } from "./documents.ts";

/** The people feature's indexes (idempotent; db/indexes.ts runs it and says what an index may not be). */
export async function ensurePeopleIndexes(db: Db): Promise<void> {
  const c = peopleCollections(db);
  await Promise.all([c.people.createIndex({ email: 1 }, { unique: true })]);
}
