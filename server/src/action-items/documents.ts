import type { Db, ObjectId } from "mongodb";
import type { IsoDate } from "../shared/dates.ts";

/** aperta until it is done (completata, with the day) or dropped (annullata, with a reason). */
export type ActionItemStatus = "aperta" | "completata" | "annullata";

/**
 * One action item of approved minutes, tracked across sittings: one document per (minutesId, index),
 * created when the minutes are approved (track.ts) and then changed only by its status use cases.
 */
export type ActionItemDoc = {
  _id: ObjectId;
  agreementId: ObjectId;
  tableId: ObjectId;
  /** The sitting whose minutes decided it, and when it started (to find the sittings after it). */
  meetingId: ObjectId;
  sittingStartsAt: Date;
  minutesId: ObjectId;
  /** Its position in the minutes' action items: with minutesId, what makes a repeat find this one. */
  index: number;
  what: string;
  /** The person named in the minutes, or null when the minutes name the owner by text only. */
  ownerPersonId: ObjectId | null;
  ownerText: string | null;
  /** The organisation the owner represented on the table at the sitting; null when not known. */
  ownerOrganisationId: ObjectId | null;
  due: IsoDate | null;
  status: ActionItemStatus;
  doneOn: IsoDate | null;
  cancelReason: string | null;
  /** When it last left `aperta` (null while open): "closed since the previous sitting". */
  closedAt: Date | null;
  closedById: ObjectId | null;
  /** Bumped by every guarded change (shared/guarded-change.ts). */
  revision?: number;
  createdAt: Date;
  updatedAt: Date;
};

/** Typed handles on the collections the action-items feature owns; the only place their names are spelled. */
export function actionItemCollections(db: Db) {
  return {
    actionItems: db.collection<ActionItemDoc>("actionItems"),
  };
}
