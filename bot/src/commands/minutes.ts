import { ObjectId } from "mongodb";
import { getMinutesStatus } from "../../../server/src/minutes/index.ts";
import { TEXT } from "../i18n.ts";
import { asPerson, type CommandCall, say } from "./context.ts";
import { findMyMeeting } from "./find-meeting.ts";

/** `/tavoli verbale <codice>`: where the minutes of one of my sittings stand, with their link. */
export function showMinutes(call: CommandCall) {
  return asPerson(call, async (who) => {
    const t = TEXT[who.lang];
    const [code] = call.args;
    if (!code || call.args.length !== 1) return say(call.respond, t.usageVerbale);
    const meeting = await findMyMeeting(who, code, 365);
    if (!meeting) return say(call.respond, t.meetingNotFound(code));
    const status = await getMinutesStatus({ ctx: who.ctx, input: { meetingId: new ObjectId(meeting.id) } });
    const lines = [t.minutesStatus(meeting.title, t.minutesLabels[status.status])];
    if (status.status !== "assente") {
      lines.push(t.minutesCounts(status.decisions, status.actionItems));
      lines.push(`${call.deps.config.publicUrl}/api/v1/meetings/${meeting.id}/minutes.md`);
    }
    await say(call.respond, lines.join("\n"));
  });
}
