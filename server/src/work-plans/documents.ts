import type { Db, ObjectId } from "mongodb";
import type { IsoDate } from "../shared/dates.ts";

export type WorkPlanState = "bozza" | "presentata" | "approvata" | "respinta" | "superseded";

export type ActivityStatus = "da_avviare" | "in_corso" | "completata" | "sospesa" | "annullata";

/** One monitoring step of an activity of the plan in force: what changed, when, by whom and why. */
export type ProgressEntry = {
  at: Date;
  /** The day the progress refers to (Europe/Rome), e.g. the SAL date. */
  on: IsoDate;
  byId: ObjectId;
  byName: string;
  from: { status: ActivityStatus; progress: number };
  to: { status: ActivityStatus; progress: number };
  note: string | null;
};

/** An activity of a work plan: what, who, when (frozen once presented), and its monitoring. */
export type ActivityDoc = {
  /** Kept across versions, so an activity's progress history follows it from one version to the next. */
  _id: ObjectId;
  title: string;
  description: string;
  ownerOrganisationId: ObjectId | null;
  ownerPersonId: ObjectId | null;
  startOn: IsoDate;
  dueOn: IsoDate;
  status: ActivityStatus;
  /** 0–100, 100 when completata. */
  progress: number;
  theme: { code: string; title: string } | null;
  /** riservato: its title and description stay inside the table (DOMAIN rule 10). */
  confidential: boolean;
  progressHistory: ProgressEntry[];
};

/** A decision of the steering body on a presented version. */
export type DecisionDoc = {
  outcome: "approvata" | "respinta";
  at: Date;
  byId: ObjectId;
  byName: string;
  /** The sitting of the steering table where it was decided, if given. */
  meetingId: ObjectId | null;
  note: string | null;
};

/**
 * One version of the work plan of a table (or of the agreement as a whole, `tableId: null`). A `bozza`
 * is edited; once `presentata` to the steering body its content is frozen; the steering body approves
 * (`approvata`, the plan in force, monitored through progress updates) or rejects it (`respinta`).
 */
export type WorkPlanDoc = {
  /** Bumped by each revision-guarded change (shared/guarded-change.ts); absent = 0. */
  revision?: number;
  _id: ObjectId;
  agreementId: ObjectId;
  tableId: ObjectId | null;
  /** 1, 2, 3… within the plan's scope; unique with it. */
  version: number;
  state: WorkPlanState;
  activities: ActivityDoc[];
  /** The version this one was copied from. */
  basedOnId: ObjectId | null;
  /**
   * `<agreementId>:<tableId|agreement>` while a draft, unique: at most one draft per plan. Once presented it
   * becomes `…:v<version>` (set, never unset: the key stays unique and the document keeps its shape).
   */
  draftKey: string;
  presentation: { at: Date; byId: ObjectId; byName: string; steeringTableId: ObjectId | null } | null;
  decision: DecisionDoc | null;
  supersededById: ObjectId | null;
  supersededAt: Date | null;
  createdById: ObjectId;
  createdByName: string;
  createdAt: Date;
  updatedAt: Date;
  /** `<personId>:<Idempotency-Key>` of the request that created the draft, if any. */
  idempotencyKey?: string;
};

/** Typed handles on the collections the work-plans feature owns; the only place their names are spelled. */
export function workPlanCollections(db: Db) {
  return {
    workPlans: db.collection<WorkPlanDoc>("workPlans"),
  };
}
