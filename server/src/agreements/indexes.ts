import type { Db } from "mongodb";
import { agreementCollections } from "./documents.ts";

/** The agreements feature's indexes (idempotent; db/indexes.ts runs it and says what an index may not be). */
export async function ensureAgreementsIndexes(db: Db): Promise<void> {
  const c = agreementCollections(db);
  await Promise.all([
    c.agreements.createIndex({ slug: 1 }, { unique: true }),
    c.agreementAdmins.createIndex({ agreementId: 1, personId: 1 }, { unique: true }),
    c.agreementAdmins.createIndex({ personId: 1 }),
  ]);
}
