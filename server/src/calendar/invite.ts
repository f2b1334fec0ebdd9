import type { ObjectId } from "mongodb";
import { isOrganiser, loadMeeting, loadMeetingTable } from "../meetings/access.ts";
import { findConvened } from "../meetings/convened.ts";
import { findPerson } from "../people/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { requireActor } from "../shared/policy.ts";

/**
 * A sitting as the acting person may put it in their calendar (anyone who may read it): the video
 * link only for the people convened and the organisers, and the person as attendee when convened.
 */
export async function meetingInvite({ ctx, input }: { ctx: Ctx; input: { id: ObjectId } }) {
  const actor = requireActor(ctx);
  const meeting = await loadMeeting(ctx, input.id);
  const table = await loadMeetingTable(ctx, meeting);
  const [convened, person] = await Promise.all([
    findConvened(ctx, meeting, table, actor.personId),
    findPerson(ctx, actor.personId),
  ]);
  const attendee = convened && person ? { name: person.name, email: person.email } : null;
  return { meeting, table, showLink: convened !== null || isOrganiser(actor, table), attendee };
}
