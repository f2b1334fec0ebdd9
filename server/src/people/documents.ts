import type { Db, ObjectId } from "mongodb";

export type PersonDoc = {
  /** Bumped by each revision-guarded change (shared/guarded-change.ts); absent = 0. */
  revision?: number;
  _id: ObjectId;
  name: string;
  email: string;
  locale: "it" | "en";
  isInstallationAdmin: boolean;
  createdAt: Date;
  updatedAt: Date;
  /** Set by erasure (DOMAIN rule 11): the record stays for the acts it signed, but it can no longer act. */
  erasedAt?: Date;
};

/** Typed handles on the collections the people feature owns; the only place their names are spelled. */
export function peopleCollections(db: Db) {
  return {
    people: db.collection<PersonDoc>("people"),
  };
}
