import type { Db, ObjectId } from "mongodb";

export type OrganisationDoc = {
  /** Bumped by each revision-guarded change (shared/guarded-change.ts); absent = 0. */
  revision?: number;
  _id: ObjectId;
  /** Unique natural key: `istat:<code>` for comuni, `ipa:<code>` when the IPA code is known, else `tavoli:<id>`. */
  key: string;
  /** The name the organisation uses in agreements, minutes and messages: never changed by an import. */
  name: string;
  kind: string;
  istatCode: string | null;
  /** The official ISTAT name ("Milano" for "Comune di Milano"), kept by the ISTAT import; absent on others. */
  istatName?: string | null;
  ipaCode: string | null;
  region: string | null;
  province: string | null;
  provinceCode: string | null;
  plate: string | null;
  cadastralCode: string | null;
  population: number | null;
  website: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** Typed handles on the collections the organisations feature owns; the only place their names are spelled. */
export function organisationCollections(db: Db) {
  return {
    organisations: db.collection<OrganisationDoc>("organisations"),
  };
}
