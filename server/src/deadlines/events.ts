import { defineEvents, hexId, isoDate, z } from "../shared/event-schema.ts";

export const DEADLINE_KINDS = [
  "steering_members",
  "work_plan",
  "adhesion_operative",
  "withdrawal_effective",
  "half_yearly_report",
] as const;

/** Agreements are public acts: a deadline carries nothing confidential, only its key, kind and date. */
const notice = {
  agreementId: hexId(),
  deadlineKey: z.string(),
  kind: z.enum(DEADLINE_KINDS),
  dueOn: isoDate(),
  /** Days from today to the due date (negative once past). */
  daysLeft: z.number(),
};

/** The events the deadlines feature records (merged into the catalogue, `server/src/events.ts`). */
export const deadlineEvents = defineEvents({
  "deadline.approaching": z.strictObject(notice),
  "deadline.overdue": z.strictObject(notice),
  "deadline.rules_changed": z.strictObject({ agreementId: hexId() }),
});
