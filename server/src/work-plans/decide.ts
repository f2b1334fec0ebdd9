import type { ObjectId } from "mongodb";
import { loadMeeting } from "../meetings/access.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { changeGuarded } from "../shared/guarded-change.ts";
import { recordChange } from "../shared/record.ts";
import type { WorkPlanDoc } from "./documents.ts";
import { eventFields } from "./present.ts";
import { supersede } from "./present-to-steering.ts";
import { loadWorkPlan } from "./queries.ts";
import { requireDecider } from "./rules.ts";

export type DecideInput = {
  id: ObjectId;
  outcome: "approvata" | "respinta";
  meetingId: ObjectId | null;
  note: string | null;
};

/**
 * Records the steering body's decision on a presented version: who (a coordinator of the steering table
 * or an agreement admin), when, and in which sitting of the steering table. Approved, it is the plan in
 * force and the one in force before it is superseded; rejected, the one in force stays.
 */
export async function decideWorkPlan({ ctx, input }: { ctx: Ctx; input: DecideInput }): Promise<WorkPlanDoc> {
  const plan = await loadWorkPlan(ctx, input.id);
  const { actor, steering } = await requireDecider(ctx, plan.agreementId);
  if (input.meetingId) {
    const meeting = await loadMeeting(ctx, input.meetingId);
    if (!steering || !meeting.tableId.equals(steering._id))
      throw new AppError("meeting_not_of_table", {
        meetingId: input.meetingId.toHexString(),
        tableId: steering?._id.toHexString() ?? null,
      });
  }
  const changed = await changeGuarded(
    ctx.c.workPlans,
    () => loadWorkPlan(ctx, input.id),
    (current) => {
      if (current.state !== "presentata")
        throw new AppError("work_plan_transition_invalid", { from: current.state, to: input.outcome });
      const now = ctx.now();
      const decision = {
        outcome: input.outcome,
        at: now,
        byId: actor.personId,
        byName: actor.name,
        meetingId: input.meetingId,
        note: input.note,
      };
      return { $set: { state: input.outcome, decision, updatedAt: now } };
    },
  );
  if (!changed) throw new AppError("not_found", { entity: "work_plan", id: input.id.toHexString() });
  const after = changed.after;
  const meetingId = input.meetingId?.toHexString() ?? null;
  if (input.outcome === "approvata") {
    const superseded = await supersede(ctx, after, "approvata");
    await recordChange(ctx, {
      action: "work_plan.approved",
      entity: "work_plan",
      entityId: after._id,
      agreementId: after.agreementId,
      before: { state: "presentata" },
      after: { state: after.state, meetingId: input.meetingId, note: input.note, supersededIds: superseded },
      event: {
        type: "work_plan.approved",
        payload: {
          ...eventFields(after),
          meetingId,
          supersededIds: superseded.map((id) => id.toHexString()),
        },
      },
    });
  } else
    await recordChange(ctx, {
      action: "work_plan.rejected",
      entity: "work_plan",
      entityId: after._id,
      agreementId: after.agreementId,
      before: { state: "presentata" },
      after: { state: after.state, meetingId: input.meetingId, note: input.note },
      event: { type: "work_plan.rejected", payload: { ...eventFields(after), meetingId } },
    });
  return after;
}
