import { ObjectId } from "mongodb";
import { answerRsvp, type RsvpAnswer } from "../../../server/src/rsvps/index.ts";
import { answerLabel, TEXT } from "../i18n.ts";
import { whoIs } from "../identity/who.ts";
import { asPerson, type CommandCall, say } from "./context.ts";
import { findMyMeeting } from "./find-meeting.ts";

const ANSWERS: Record<string, RsvpAnswer> = {
  presenza: "presenza",
  presente: "presenza",
  attending: "presenza",
  yes: "presenza",
  remoto: "remoto",
  remote: "remoto",
  assente: "assente",
  absent: "assente",
  no: "assente",
  delega: "delega",
  delegate: "delega",
};

/** A mention as Slack escapes it in command text: <@U123|name> or <@U123>. */
const MENTION = /^<@([A-Z0-9]+)(\|[^>]*)?>$/;

/** `/tavoli presenza <codice> presenza|remoto|assente|delega @utente`. */
export function answerByCommand(call: CommandCall) {
  return asPerson(call, async (who) => {
    const t = TEXT[who.lang];
    const [code, answerWord, mention] = call.args;
    const answer = answerWord ? ANSWERS[answerWord.toLowerCase()] : undefined;
    const delegateSlackId = mention?.match(MENTION)?.[1];
    const wellFormed =
      code &&
      answer &&
      (answer === "delega" ? delegateSlackId && call.args.length === 3 : call.args.length === 2);
    if (!wellFormed) return say(call.respond, t.usagePresenza);
    const meeting = await findMyMeeting(who, code);
    if (!meeting) return say(call.respond, t.meetingNotFound(code));
    let delegateId: ObjectId | null = null;
    if (answer === "delega" && delegateSlackId) {
      const delegate = await whoIs(call.deps, call.client, call.command.team_id, delegateSlackId);
      if (delegate.kind !== "person") return say(call.respond, t.delegateUnknown);
      delegateId = delegate.person._id;
    }
    const input = { meetingId: new ObjectId(meeting.id), personId: "me" as const, answer, delegateId };
    await answerRsvp({ ctx: who.ctx, input });
    await say(call.respond, t.answered(answerLabel(answer, who.lang), meeting.title));
  });
}
