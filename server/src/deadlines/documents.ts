import type { Db, ObjectId } from "mongodb";
import type { IsoDate } from "../shared/dates.ts";

/** A signing-based obligation: on (true), off (false) or as the agreement's shape says (null: on with a steering table). */
export type SigningRule = { enabled: boolean | null; days: number };

/** Which obligations an agreement has, kept by this feature (one per agreement; absent = the defaults). */
export type DeadlineSettingsDoc = {
  /** The agreement's id. */
  _id: ObjectId;
  steeringMembers: SigningRule;
  workPlan: SigningRule;
  adhesions: boolean;
  withdrawals: boolean;
  halfYearlyReports: boolean;
  /** How many days before a due date `deadline.approaching` is emitted. */
  approachingDays: number;
  updatedAt: Date;
};

/** One emitted reminder event: unique by key, so it is emitted once whichever instance sweeps. */
export type DeadlineNoticeDoc = {
  _id: ObjectId;
  /** `<agreementId>:<deadline key>:<approaching|overdue>`. */
  key: string;
  agreementId: ObjectId;
  deadlineKey: string;
  kind: "approaching" | "overdue";
  dueOn: IsoDate;
  createdAt: Date;
};

/** Typed handles on the collections the deadlines feature owns; the only place their names are spelled. */
export function deadlineCollections(db: Db) {
  return {
    deadlineSettings: db.collection<DeadlineSettingsDoc>("deadlineSettings"),
    deadlineNotices: db.collection<DeadlineNoticeDoc>("deadlineNotices"),
  };
}
