import type { z } from "@hono/zod-openapi";
import type { ObjectId } from "mongodb";
import { requireOrganiser } from "../meetings/access.ts";
import { findConvened } from "../meetings/convened.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { recordChange } from "../shared/record.ts";
import type { recordInput } from "./contracts.ts";
import type { AttendanceDoc } from "./documents.ts";
import { registerOpensAt, requireOpenRegister, saveRow, underMeetingLock } from "./register.ts";

/**
 * An organiser records or corrects who attended, from 30 minutes before the start until the register is
 * closed (also after the end, to complete it later). The organisation comes from the convocation.
 */
export async function recordAttendance({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { meetingId: ObjectId; personId: ObjectId; entry: z.output<typeof recordInput> };
}): Promise<AttendanceDoc> {
  return underMeetingLock(ctx, input.meetingId, async (meeting, table) => {
    const actor = requireOrganiser(ctx, table);
    requireOpenRegister(meeting);
    const opensAt = registerOpensAt(meeting);
    if (ctx.now() < opensAt) throw new AppError("register_not_open", { opensAt: opensAt.toISOString() });
    const convened = await findConvened(ctx, meeting, table, input.personId);
    if (!convened) throw new AppError("not_convened", { personId: input.personId.toHexString() });
    const changes = {
      organisationId: convened.organisationId,
      ...input.entry,
      source: "coordinator" as const,
      recordedBy: actor.personId,
      recordedAt: ctx.now(),
    };
    const { before, after } = await saveRow(
      ctx,
      { meetingId: meeting._id, personId: input.personId, ...changes },
      changes,
    );
    await recordChange(ctx, {
      action: "attendance.recorded",
      entity: "attendance",
      entityId: after._id,
      agreementId: meeting.agreementId,
      before,
      after,
      event: {
        type: "attendance.recorded",
        payload: {
          meetingId: meeting._id.toHexString(),
          tableId: meeting.tableId.toHexString(),
          personId: after.personId.toHexString(),
          organisationId: after.organisationId?.toHexString() ?? null,
          mode: after.mode,
          arrivedLate: after.arrivedLate,
          leftEarly: after.leftEarly,
          source: after.source,
        },
      },
    });
    return after;
  });
}

/** An organiser removes a mistaken row while the register is open. */
export async function removeAttendance({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { meetingId: ObjectId; personId: ObjectId };
}): Promise<void> {
  await underMeetingLock(ctx, input.meetingId, async (meeting, table) => {
    requireOrganiser(ctx, table);
    requireOpenRegister(meeting);
    const row = await ctx.c.attendance.findOne({ meetingId: meeting._id, personId: input.personId });
    if (!row)
      throw new AppError("not_found", { entity: "attendance", personId: input.personId.toHexString() });
    await ctx.c.attendance.deleteOne({ _id: row._id });
    await recordChange(ctx, {
      action: "attendance.removed",
      entity: "attendance",
      entityId: row._id,
      agreementId: meeting.agreementId,
      before: row,
      after: null,
      event: {
        type: "attendance.removed",
        payload: {
          meetingId: meeting._id.toHexString(),
          tableId: meeting.tableId.toHexString(),
          personId: row.personId.toHexString(),
          organisationId: row.organisationId?.toHexString() ?? null,
        },
      },
    });
  });
}
