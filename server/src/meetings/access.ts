import type { ObjectId } from "mongodb";
import type { Actor, Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { isAgreementAdmin, requireActor } from "../shared/policy.ts";
import type { TableDoc } from "../tables/documents.ts";
import { getTable } from "../tables/queries.ts";
import type { MeetingDoc } from "./documents.ts";

/** Finds a meeting or throws not_found. */
export async function loadMeeting(ctx: Ctx, id: ObjectId): Promise<MeetingDoc> {
  const meeting = await ctx.c.meetings.findOne({ _id: id });
  if (!meeting) throw new AppError("not_found", { entity: "meeting", id: id.toHexString() });
  return meeting;
}

/** Finds the meeting's table (it always exists: tables are never deleted). */
export function loadMeetingTable(ctx: Ctx, meeting: MeetingDoc): Promise<TableDoc> {
  return getTable({ ctx, input: { id: meeting.tableId } });
}

/** Coordinators run their tables' sittings; agreement admins run every sitting of the agreement. */
export function isOrganiser(actor: Actor | null, table: TableDoc): boolean {
  return (
    !!actor &&
    (isAgreementAdmin(actor, table.agreementId) || actor.coordinatorOf.includes(table._id.toHexString()))
  );
}

/** The acting organiser, or 401/403. */
export function requireOrganiser(ctx: Ctx, table: TableDoc): Actor {
  const actor = requireActor(ctx);
  if (!isOrganiser(actor, table)) throw new AppError("forbidden", { requiredRole: "table_coordinator" });
  return actor;
}

/** A meeting that is cancelled or over can no longer change (its history stays as it was). */
export function requireChangeable(meeting: MeetingDoc, now: Date): void {
  if (meeting.status === "cancelled")
    throw new AppError("meeting_cancelled", { meetingId: meeting._id.toHexString() });
  if (meeting.endsAt <= now) throw new AppError("meeting_over", { meetingId: meeting._id.toHexString() });
}
