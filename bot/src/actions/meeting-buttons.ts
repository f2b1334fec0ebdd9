import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { ObjectId } from "mongodb";
import { getMeeting } from "../../../server/src/meetings/index.ts";
import { answerRsvp } from "../../../server/src/rsvps/index.ts";
import type { BotDeps } from "../deps.ts";
import { answerLabel, TEXT } from "../i18n.ts";
import { actAsPerson, type PersonWho } from "../identity/act-as.ts";
import { RSVP_ACTIONS } from "../ids.ts";

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Acknowledges, then runs as the clicking person; every outcome is an ephemeral reply to them alone. */
async function asClicker(
  args: ButtonArgs,
  deps: BotDeps,
  run: (who: PersonWho, meetingId: ObjectId) => Promise<string>,
) {
  await args.ack();
  const reply = (text: string) => args.respond({ response_type: "ephemeral", replace_original: false, text });
  await actAsPerson(deps, args, { text: reply }, async (who) => {
    const value = args.action.value ?? "";
    if (!ObjectId.isValid(value)) return;
    await reply(await run(who, new ObjectId(value)));
  });
}

/** An RSVP button on a convocation or in `/tavoli prossime`: the person answers for themselves. */
export function answerByButton(deps: BotDeps) {
  return (args: ButtonArgs) =>
    asClicker(args, deps, async (who, meetingId) => {
      const answer = RSVP_ACTIONS[args.action.action_id as keyof typeof RSVP_ACTIONS];
      const input = { meetingId, personId: "me" as const, answer, delegateId: null };
      await answerRsvp({ ctx: who.ctx, input });
      const meeting = await who.ctx.c.meetings.findOne({ _id: meetingId }, { projection: { title: 1 } });
      return TEXT[who.lang].answered(answerLabel(answer, who.lang), meeting?.title ?? "");
    });
}

/**
 * "Partecipa" on a channel convocation: the link is never in the channel (DOMAIN rule 10), so it is
 * revealed only to a clicker the API lets see it (convened or organiser).
 */
export function revealVideoLink(deps: BotDeps) {
  return (args: ButtonArgs) =>
    asClicker(args, deps, async (who, meetingId) => {
      const meeting = await getMeeting({ ctx: who.ctx, input: { id: meetingId } });
      const t = TEXT[who.lang];
      if (meeting.videoLink) return t.joinLink(meeting.videoLink.url);
      return meeting.videoLinkHidden ? t.reserved : t.noVideoLink;
    });
}
