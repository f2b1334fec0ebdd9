// The meetings feature's public surface: convening, reading sittings, and how they are shown.

export { meetingInput } from "./contracts.ts";
export { conveneMeeting } from "./convene.ts";
export { convenedPeople } from "./convened.ts";
export type { MeetingDoc } from "./documents.ts";
export { describeInstant, describeSlot, romeIso, ZONE } from "./local-time.ts";
export { meetingNoticeViews } from "./notice-views.ts";
export { presentMeeting } from "./present.ts";
export {
  convenedSittingIdsFrom,
  findMeeting,
  getMeeting,
  meetingHeadline,
  meetingsOverlapping,
  myUpcomingMeetings,
  sittingsConvening,
} from "./queries.ts";
