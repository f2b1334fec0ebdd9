import type { AllMiddlewareArgs, App, MessageShortcut, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import { tableOfChannel } from "../../../server/src/chat/index.ts";
import { mySeats } from "../../../server/src/designations/index.ts";
import { contributionModal, seatValue } from "../blocks/referent-modals.ts";
import type { BotDeps } from "../deps.ts";
import { TEXT } from "../i18n.ts";
import { actAsPerson, senderOf } from "../identity/act-as.ts";
import { SHORTCUT } from "../ids.ts";

type ShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;
type SharedFile = { permalink?: string; title?: string; name?: string };

/**
 * "Registra come contributo" on a message: the contribution modal, prefilled with the file shared in
 * the message (its permalink and title) or the message's own link, for the table of the channel.
 */
async function contributionFromMessage(args: ShortcutArgs, deps: BotDeps): Promise<void> {
  await args.ack();
  const { shortcut, client, respond } = args;
  const text = (message: string) => respond({ response_type: "ephemeral", text: message });
  await actAsPerson(deps, { body: shortcut, client }, { text }, async (who) => {
    const seats = await mySeats({ ctx: who.ctx });
    if (seats.length === 0) return text(TEXT[who.lang].notReferent);
    const file = (shortcut.message.files as SharedFile[] | undefined)?.find((f) => f.permalink);
    const url =
      file?.permalink ??
      (await client.chat.getPermalink({ channel: shortcut.channel.id, message_ts: shortcut.message_ts }))
        .permalink;
    const { teamId } = senderOf(shortcut);
    const linked = await tableOfChannel({ ctx: who.ctx, input: { teamId, channelId: shortcut.channel.id } });
    const here = seats.find((s) => s.tableId === linked?.toHexString());
    const title = (file?.title ?? file?.name ?? shortcut.message.text ?? "").trim().slice(0, 200);
    const view = contributionModal({
      lang: who.lang,
      seats,
      initialSeat: here ? seatValue(here) : undefined,
      initialUrl: url,
      initialTitle: title || undefined,
    });
    await client.views.open({ trigger_id: shortcut.trigger_id, view });
  });
}

/** Shortcuts, by callback_id. */
export function registerShortcuts(app: App, deps: BotDeps): void {
  app.shortcut<MessageShortcut>(SHORTCUT.contributionFromMessage, (args) =>
    contributionFromMessage(args, deps),
  );
}
