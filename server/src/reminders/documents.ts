import type { Db, ObjectId } from "mongodb";

/** One person's reminder preferences; `_id` is the person's id. Absent until they change the defaults. */
export type ReminderPreferencesDoc = {
  /** Bumped by each revision-guarded change (shared/guarded-change.ts); absent = 0. */
  revision?: number;
  _id: ObjectId;
  /** Minutes before a sitting, ascending and unique, 5 to 10080, at most four. */
  leadMinutes: number[];
  channels: { email: boolean; slack: boolean; push: boolean };
  /** "Non disturbare": no reminders while true. */
  paused: boolean;
  updatedAt: Date;
};

/** Typed handles on the collections the reminders feature owns; the only place their names are spelled. */
export function reminderCollections(db: Db) {
  return {
    reminderPreferences: db.collection<ReminderPreferencesDoc>("reminderPreferences"),
  };
}
