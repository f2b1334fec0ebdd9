import type { Db, ObjectId } from "mongodb";
import type { Backdating } from "../shared/backdating.ts";
import type { IsoDate } from "../shared/dates.ts";

export type MembershipDoc = {
  _id: ObjectId;
  agreementId: ObjectId;
  organisationId: ObjectId;
  /** 0 for the first adhesion, 1 after a withdrawal and a new application…: unique with the pair, so concurrent applications cannot both win. */
  seq: number;
  founding: boolean;
  receivedOn: IsoDate;
  operativeFrom: IsoDate;
  /** Set when an admin recorded an earlier receipt date than the day of entry (absent on older records). */
  backdating?: Backdating | null;
  withdrawal: {
    noticeGivenOn: IsoDate;
    effectiveOn: IsoDate;
    reason: string | null;
    backdating?: Backdating | null;
  } | null;
  createdAt: Date;
};

/** Typed handles on the collections the memberships feature owns; the only place their names are spelled. */
export function membershipCollections(db: Db) {
  return {
    memberships: db.collection<MembershipDoc>("memberships"),
  };
}
