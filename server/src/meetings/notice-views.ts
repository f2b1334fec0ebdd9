import type { ObjectId } from "mongodb";
import { answersTo } from "../rsvps/answers-given.ts";
import type { Ctx } from "../shared/context.ts";
import { loadMeeting, loadMeetingTable } from "./access.ts";
import { convenedPeople } from "./convened.ts";
import { presentMeeting } from "./present.ts";
import { countAnswers } from "./queries.ts";

/**
 * A sitting as notifiers show it, with no viewer: the public view (no video link, no confidential
 * item: what a shared channel may see), the view for the people convened (sent to them privately),
 * the RSVP counts and who is convened.
 */
export async function meetingNoticeViews({ ctx, input }: { ctx: Ctx; input: { id: ObjectId } }) {
  const meeting = await loadMeeting(ctx, input.id);
  const [table, rsvps] = await Promise.all([loadMeetingTable(ctx, meeting), answersTo(ctx, meeting._id)]);
  const convened = await convenedPeople(ctx, meeting, table, rsvps);
  return {
    meeting,
    table,
    publicView: presentMeeting(meeting, table, { convened: false, organiser: false, seeConfidential: false }),
    convenedView: presentMeeting(meeting, table, { convened: true, organiser: false, seeConfidential: true }),
    counts: countAnswers(convened, rsvps),
    convenedPersonIds: convened.map((person) => person.personId),
  };
}
