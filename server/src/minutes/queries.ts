import type { ObjectId } from "mongodb";
import { loadMeeting, loadMeetingTable } from "../meetings/access.ts";
import { personNames } from "../people/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { requireActor } from "../shared/policy.ts";
import { type PresentedMinutes, presentMinutes } from "./present.ts";
import { minutesViewer, requireMayRead, requireMinutes } from "./rules.ts";

/**
 * The minutes of a sitting as the acting person may see them: drafts for the organisers, minutes under
 * review for the table's participants, approved minutes for anyone logged in without the confidential
 * items unless they are participants. 404 when there are none yet.
 */
export async function getMinutes({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { meetingId: ObjectId };
}): Promise<PresentedMinutes> {
  requireActor(ctx);
  const meeting = await loadMeeting(ctx, input.meetingId);
  const [table, found] = await Promise.all([
    loadMeetingTable(ctx, meeting),
    ctx.c.minutes.findOne({ meetingId: meeting._id }),
  ]);
  const minutes = requireMinutes(found, meeting);
  const viewer = await minutesViewer(ctx, meeting, table);
  requireMayRead(minutes, viewer);
  // Owners' names are read now, not copied into the minutes, so an erased person shows as erased.
  const ownerIds = minutes.actionItems.flatMap((a) => ("personId" in a.who ? [a.who.personId] : []));
  const people = await personNames(ctx, ownerIds);
  return presentMinutes({ minutes, meeting, table, viewer, people });
}
