import type { Db, ObjectId } from "mongodb";

export type TableAccess = "open" | "founders";

export type MaterialDoc = { _id: ObjectId; title: string; url: string; confidential: boolean; addedAt: Date };

export type TableDoc = {
  /** Bumped by each revision-guarded change (shared/guarded-change.ts); absent = 0. */
  revision?: number;
  _id: ObjectId;
  agreementId: ObjectId;
  name: string;
  kind: string;
  theme: { code: string; title: string } | null;
  access: TableAccess;
  description: string;
  coordinatorIds: ObjectId[];
  materials: MaterialDoc[];
  /** Reminders before its sittings for people who keep the tables' lead times; absent or null: a day and an hour. */
  reminderLeadMinutes?: number[] | null;
  createdAt: Date;
  updatedAt: Date;
};

/** Typed handles on the collections the tables feature owns; the only place their names are spelled. */
export function tableCollections(db: Db) {
  return {
    tables: db.collection<TableDoc>("tables"),
  };
}
