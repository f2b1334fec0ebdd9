import type { Db, ObjectId } from "mongodb";

export type RsvpAnswer = "presenza" | "remoto" | "assente" | "delega";

/** One answer per person and meeting (unique index): changing it overwrites. */
export type RsvpDoc = {
  _id: ObjectId;
  meetingId: ObjectId;
  personId: ObjectId;
  /** The organisation the person represents at this sitting; null for coordinators without one. */
  organisationId: ObjectId | null;
  answer: RsvpAnswer;
  /** With `delega`: the person sent instead, who becomes convened for this sitting only (DOMAIN rule 3). */
  delegateId: ObjectId | null;
  answeredBy: ObjectId;
  answeredAt: Date;
};

/** Typed handles on the collections the rsvps feature owns; the only place their names are spelled. */
export function rsvpCollections(db: Db) {
  return {
    rsvps: db.collection<RsvpDoc>("rsvps"),
  };
}
