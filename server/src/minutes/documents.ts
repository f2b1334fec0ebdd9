import type { Db, ObjectId } from "mongodb";
import type { IsoDate } from "../shared/dates.ts";

/** Minutes (verbale) life cycle: drafted, circulated for review, approved (then frozen). */
export type MinutesStatus = "bozza" | "in_revisione" | "approvato";

/** Who attended, as copied from the attendance register when the minutes were last drafted. */
export type MinutesAttendee = {
  personId: ObjectId;
  name: string;
  organisationId: ObjectId | null;
  organisationName: string | null;
  mode: "presenza" | "remoto";
  arrivedLate: boolean;
  leftEarly: boolean;
};

/** The minutes of one sitting (unique per meeting, DOMAIN rule 6). */
export type MinutesDoc = {
  _id: ObjectId;
  meetingId: ObjectId;
  tableId: ObjectId;
  agreementId: ObjectId;
  status: MinutesStatus;
  attendees: MinutesAttendee[];
  /** One per agenda item, in agenda order; a confidential item's summary is confidential (rule 10). */
  items: { agendaItemId: ObjectId; title: string; summary: string; confidential: boolean }[];
  decisions: { text: string }[];
  actionItems: { what: string; who: { personId: ObjectId } | { text: string }; due: IsoDate | null }[];
  notes: string;
  /** Raised by every edit of the content; a stale one is refused (optimistic concurrency). */
  version: number;
  /** Who wrote the current version. */
  draftedById: ObjectId;
  approvedAt: Date | null;
  approvedById: ObjectId | null;
  createdAt: Date;
  updatedAt: Date;
};

/** Typed handles on the collections the minutes feature owns; the only place their names are spelled. */
export function minutesCollections(db: Db) {
  return {
    minutes: db.collection<MinutesDoc>("minutes"),
  };
}
