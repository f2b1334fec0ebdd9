import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { ObjectId } from "mongodb";
import { completeActionItem } from "../../../server/src/action-items/index.ts";
import type { BotDeps } from "../deps.ts";
import { TEXT } from "../i18n.ts";
import { actAsPerson } from "../identity/act-as.ts";

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/**
 * "Fatta" next to an item of `/tavoli azioni`: marks it done today as the clicking person, through the
 * same use case as `POST /action-items/{id}/status` (its refusals come back with the API's message).
 */
export function markActionItemDone(deps: BotDeps) {
  return async (args: ButtonArgs) => {
    await args.ack();
    const reply = (text: string) =>
      args.respond({ response_type: "ephemeral", replace_original: false, text });
    await actAsPerson(deps, args, { text: reply }, async (who) => {
      const value = args.action.value ?? "";
      if (!ObjectId.isValid(value)) return;
      const item = await completeActionItem({ ctx: who.ctx, input: { id: new ObjectId(value) } });
      await reply(TEXT[who.lang].actionDone(item.what));
    });
  };
}
