import type { Db, ObjectId } from "mongodb";
import type { IsoDate } from "../shared/dates.ts";

export type NoticeUnit = "days" | "months";

export type AgreementDoc = {
  /** Bumped by each revision-guarded change (shared/guarded-change.ts); absent = 0. */
  revision?: number;
  _id: ObjectId;
  slug: string;
  title: string;
  shortName: string;
  kind: string;
  description: string;
  signedOn: IsoDate | null;
  adhesionDelayDays: number;
  withdrawalNotice: { amount: number; unit: NoticeUnit };
  sourceRef: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type AgreementAdminDoc = { _id: ObjectId; agreementId: ObjectId; personId: ObjectId; createdAt: Date };

/** Typed handles on the collections the agreements feature owns; the only place their names are spelled. */
export function agreementCollections(db: Db) {
  return {
    agreements: db.collection<AgreementDoc>("agreements"),
    agreementAdmins: db.collection<AgreementAdminDoc>("agreementAdmins"),
  };
}
