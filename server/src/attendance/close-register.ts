import type { ObjectId } from "mongodb";
import { requireOrganiser } from "../meetings/access.ts";
import type { MeetingDoc } from "../meetings/documents.ts";
import { storeClosedRegister } from "../meetings/register.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { recordChange } from "../shared/record.ts";
import { membersOnTheDay, quorumOf, registerRows } from "./queries.ts";
import { requireOpenRegister, underMeetingLock } from "./register.ts";

/**
 * An organiser closes the register, once, from the start of the sitting on: the quorum it reached is
 * stored with it and no row can change afterwards (the lock keeps late writes out).
 */
export async function closeRegister({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { meetingId: ObjectId };
}): Promise<MeetingDoc> {
  return underMeetingLock(ctx, input.meetingId, async (meeting, table) => {
    const actor = requireOrganiser(ctx, table);
    requireOpenRegister(meeting);
    const now = ctx.now();
    if (now < meeting.startsAt)
      throw new AppError("register_not_open", { closableFrom: meeting.startsAt.toISOString() });
    const [rows, members] = await Promise.all([
      registerRows(ctx, meeting._id),
      membersOnTheDay(ctx, meeting, table),
    ]);
    const register = {
      closedAt: now,
      closedBy: actor.personId,
      attendees: rows.length,
      quorum: quorumOf(meeting, members, rows),
    };
    const after = await storeClosedRegister(ctx, meeting._id, register);
    if (!after) throw new AppError("not_found", { entity: "meeting" });
    await recordChange(ctx, {
      action: "meeting.register_closed",
      entity: "meeting",
      entityId: meeting._id,
      agreementId: meeting.agreementId,
      before: { register: null },
      after: { register },
      event: {
        type: "meeting.register_closed",
        payload: {
          meetingId: meeting._id.toHexString(),
          tableId: meeting.tableId.toHexString(),
          attendees: register.attendees,
          quorum: register.quorum,
        },
      },
    });
    return after;
  });
}
