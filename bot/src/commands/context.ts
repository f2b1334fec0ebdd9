import type { RespondFn, SlashCommand } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { BotDeps } from "../deps.ts";
import { actAsPerson, type PersonWho } from "../identity/act-as.ts";

/** What a subcommand gets once the command has been acknowledged. */
export type CommandCall = {
  deps: BotDeps;
  command: SlashCommand;
  /** The words after the subcommand. */
  args: string[];
  respond: RespondFn;
  client: WebClient;
};

export type { PersonWho };

/** Ephemeral text reply through the command's response_url. */
export const say = (respond: RespondFn, text: string) => respond({ response_type: "ephemeral", text });

/** Runs a subcommand as the linked person (see actAsPerson), answering by ephemeral text. */
export function asPerson(call: CommandCall, run: (who: PersonWho) => Promise<unknown>): Promise<void> {
  const { deps, command, respond, client } = call;
  return actAsPerson(deps, { body: command, client }, { text: (text) => say(respond, text) }, run);
}
