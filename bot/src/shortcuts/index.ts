import type { AllMiddlewareArgs, App, MessageShortcut, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import { tableOfChannel } from "../../../server/src/chat/index.ts";
import { mySeats } from "../../../server/src/designations/index.ts";
import { contributionModal, seatValue } from "../blocks/referent-modals.ts";
import type { BotDeps } from "../deps.ts";
import { userMessage } from "../errors.ts";
import { type Lang, TEXT } from "../i18n.ts";
import { strangerReply } from "../identity/link-tokens.ts";
import { whoIs } from "../identity/who.ts";
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
  const teamId = shortcut.team?.id ?? shortcut.user.team_id ?? "";
  let lang: Lang = "it";
  try {
    const who = await whoIs(deps, client, teamId, shortcut.user.id);
    lang = who.lang;
    if (who.kind === "unknown") {
      const text = await strangerReply(deps, { teamId, userId: shortcut.user.id, who });
      await respond({ response_type: "ephemeral", text });
      return;
    }
    const seats = await mySeats({ ctx: who.ctx });
    if (seats.length === 0) {
      await respond({ response_type: "ephemeral", text: TEXT[lang].notReferent });
      return;
    }
    const file = (shortcut.message.files as SharedFile[] | undefined)?.find((f) => f.permalink);
    const url =
      file?.permalink ??
      (await client.chat.getPermalink({ channel: shortcut.channel.id, message_ts: shortcut.message_ts }))
        .permalink;
    const linked = await tableOfChannel({ ctx: who.ctx, input: { teamId, channelId: shortcut.channel.id } });
    const here = seats.find((s) => s.tableId === linked?.toHexString());
    const title = (file?.title ?? file?.name ?? shortcut.message.text ?? "").trim().slice(0, 200);
    const view = contributionModal({
      lang,
      seats,
      initialSeat: here ? seatValue(here) : undefined,
      initialUrl: url,
      initialTitle: title || undefined,
    });
    await client.views.open({ trigger_id: shortcut.trigger_id, view });
  } catch (error) {
    await respond({ response_type: "ephemeral", text: userMessage(error, lang) });
  }
}

/** Shortcuts, by callback_id. */
export function registerShortcuts(app: App, deps: BotDeps): void {
  app.shortcut<MessageShortcut>(SHORTCUT.contributionFromMessage, (args) =>
    contributionFromMessage(args, deps),
  );
}
