import type { Db, ObjectId } from "mongodb";

/** Who actually attended (one row per person and meeting, unique). Audio-video attendance counts. */
export type AttendanceDoc = {
  _id: ObjectId;
  meetingId: ObjectId;
  personId: ObjectId;
  organisationId: ObjectId | null;
  mode: "presenza" | "remoto";
  arrivedLate: boolean;
  leftEarly: boolean;
  source: "coordinator" | "check_in";
  recordedBy: ObjectId;
  recordedAt: Date;
};

/** Typed handles on the collections the attendance feature owns; the only place their names are spelled. */
export function attendanceCollections(db: Db) {
  return {
    attendance: db.collection<AttendanceDoc>("attendance"),
  };
}
