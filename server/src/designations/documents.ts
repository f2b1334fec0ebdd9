import type { Db, ObjectId } from "mongodb";
import type { Backdating } from "../shared/backdating.ts";
import type { IsoDate } from "../shared/dates.ts";

export type DesignationDoc = {
  _id: ObjectId;
  agreementId: ObjectId;
  tableId: ObjectId;
  organisationId: ObjectId;
  personId: ObjectId;
  /** `standing` until ended or substituted; `single_meeting` is a one-sitting delegate (Reggio Emilia art. 1). */
  kind: "standing" | "single_meeting";
  meetingRef: string | null;
  from: IsoDate;
  /** Last day included; null while open-ended. */
  to: IsoDate | null;
  substitutedById: ObjectId | null;
  substitutesId: ObjectId | null;
  /** Set when an admin or coordinator recorded a designation already in force (absent on older records). */
  backdating?: Backdating | null;
  createdAt: Date;
  createdBy: ObjectId | null;
};

/** Typed handles on the collections the designations feature owns; the only place their names are spelled. */
export function designationCollections(db: Db) {
  return {
    designations: db.collection<DesignationDoc>("designations"),
  };
}
