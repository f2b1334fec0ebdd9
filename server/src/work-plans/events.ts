import { defineEvents, hexId, z } from "../shared/event-schema.ts";

const state = z.enum(["bozza", "presentata", "approvata", "respinta", "superseded"]);

/** Ids, numbers and states only: activity titles may be riservato (DOMAIN rule 10). */
const base = {
  workPlanId: hexId(),
  agreementId: hexId(),
  tableId: hexId().nullable(),
  version: z.number(),
  activities: z.number(),
  state,
};

/** The events the work-plans feature records (merged into the catalogue, `server/src/events.ts`). */
export const workPlanEvents = defineEvents({
  "work_plan.drafted": z.strictObject({ ...base, basedOnId: hexId().nullable() }),
  "work_plan.updated": z.strictObject(base),
  "work_plan.presented": z.strictObject({
    ...base,
    steeringTableId: hexId().nullable(),
    supersededIds: z.array(hexId()),
  }),
  "work_plan.approved": z.strictObject({
    ...base,
    meetingId: hexId().nullable(),
    supersededIds: z.array(hexId()),
  }),
  "work_plan.rejected": z.strictObject({ ...base, meetingId: hexId().nullable() }),
  "work_plan.progress_updated": z.strictObject({
    workPlanId: hexId(),
    agreementId: hexId(),
    tableId: hexId().nullable(),
    activityId: hexId(),
    confidential: z.boolean(),
    status: z.enum(["da_avviare", "in_corso", "completata", "sospesa", "annullata"]),
    progress: z.number(),
  }),
});
