import type { App } from "@slack/bolt";
import { helpMessage } from "../blocks/help.ts";
import type { BotDeps } from "../deps.ts";
import { knownLang } from "../identity/who.ts";
import { SLASH_COMMAND } from "../ids.ts";
import { linkChannel, unlinkChannel } from "./channel-link.ts";
import type { CommandCall } from "./context.ts";
import { sendLoginLink } from "./login.ts";
import { showMinutes } from "./minutes.ts";
import { openConvene, openReferentModal, openReminders } from "./modals.ts";
import { answerByCommand } from "./rsvp.ts";
import { showUpcoming } from "./upcoming.ts";

type Subcommand = (call: CommandCall) => Promise<unknown>;

/** Italian subcommands first, English aliases after: both reach the same callback. */
const SUBCOMMANDS: Record<string, Subcommand> = {
  prossime: showUpcoming,
  next: showUpcoming,
  upcoming: showUpcoming,
  convoca: openConvene,
  convene: openConvene,
  presenza: answerByCommand,
  rsvp: answerByCommand,
  segnala: openReferentModal("report"),
  report: openReferentModal("report"),
  contributo: openReferentModal("contribution"),
  contribute: openReferentModal("contribution"),
  verbale: showMinutes,
  minutes: showMinutes,
  accedi: sendLoginLink,
  login: sendLoginLink,
  promemoria: openReminders,
  reminders: openReminders,
  collega: linkChannel,
  link: linkChannel,
  scollega: unlinkChannel,
  unlink: unlinkChannel,
};

const HELP = new Set(["", "aiuto", "help", "?"]);
const ENGLISH_WORDS = new Set([
  "help",
  "next",
  "upcoming",
  "convene",
  "rsvp",
  "report",
  "contribute",
  "minutes",
  "login",
  "reminders",
  "link",
  "unlink",
]);

/** `/tavoli <subcommand> …`: help goes back in the acknowledgement itself; everything else acks first, then works. */
export function registerCommands(app: App, deps: BotDeps): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    const [first = "", ...args] = command.text.trim().split(/\s+/).filter(Boolean);
    const name = first.toLowerCase();
    const subcommand = SUBCOMMANDS[name];
    if (!subcommand) {
      const lang =
        (await knownLang(deps, command.team_id, command.user_id)) ?? (ENGLISH_WORDS.has(name) ? "en" : "it");
      await ack(helpMessage(lang, HELP.has(name) ? undefined : first));
      return;
    }
    await ack();
    await subcommand({ deps, command, args, respond, client });
  });
}
