// The meetings feature's public surface: convening, reading sittings, and how they are shown.
export type { MeetingDoc } from "../db/collections.ts";
export { conveneMeeting } from "./convene.ts";
export { describeSlot, ZONE } from "./local-time.ts";
export { meetingNoticeViews } from "./notice-views.ts";
export { presentMeeting } from "./present.ts";
export { getMeeting, myUpcomingMeetings } from "./queries.ts";
export { meetingInput } from "./schema.ts";
