import type { App } from "@slack/bolt";
import { helpMessage } from "../blocks/help.ts";
import type { BotDeps } from "../deps.ts";
import { knownLang } from "../identity/who.ts";
import { SLASH_COMMAND } from "../ids.ts";
import { showActionItems } from "./action-items.ts";
import { linkChannel, unlinkChannel } from "./channel-link.ts";
import type { CommandCall } from "./context.ts";
import { sendLoginLink } from "./login.ts";
import { showMinutes } from "./minutes.ts";
import { openConvene, openReferentModal, openReminders } from "./modals.ts";
import { answerByCommand } from "./rsvp.ts";
import { showUpcoming } from "./upcoming.ts";

type Subcommand = (call: CommandCall) => Promise<unknown>;

/** Each subcommand: its Italian name, its English aliases, its callback. */
const TABLE: [italian: string, english: string[], run: Subcommand][] = [
  ["prossime", ["next", "upcoming"], showUpcoming],
  ["convoca", ["convene"], openConvene],
  ["presenza", ["rsvp"], answerByCommand],
  ["segnala", ["report"], openReferentModal("report")],
  ["contributo", ["contribute"], openReferentModal("contribution")],
  ["verbale", ["minutes"], showMinutes],
  ["azioni", ["actions"], showActionItems],
  ["accedi", ["login"], sendLoginLink],
  ["promemoria", ["reminders"], openReminders],
  ["collega", ["link"], linkChannel],
  ["scollega", ["unlink"], unlinkChannel],
];

/** Every subcommand's Italian name and English aliases (the help must teach exactly these). */
export const SUBCOMMAND_NAMES = TABLE.map(([italian, english]) => ({ italian, english }));

const SUBCOMMANDS = new Map<string, Subcommand>(
  TABLE.flatMap(([italian, english, run]) => [italian, ...english].map((name) => [name, run] as const)),
);
const HELP = new Set(["", "aiuto", "help", "?"]);
/** Someone typing an English name (not yet linked, so no known locale) gets the help in English. */
const ENGLISH_WORDS = new Set(["help", ...TABLE.flatMap(([, english]) => english)]);

/** `/tavoli <subcommand> …`: help goes back in the acknowledgement itself; everything else acks first, then works. */
export function registerCommands(app: App, deps: BotDeps): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    const [first = "", ...args] = command.text.trim().split(/\s+/).filter(Boolean);
    const name = first.toLowerCase();
    const subcommand = SUBCOMMANDS.get(name);
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
