import type { RespondFn, SlashCommand } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { BotDeps } from "../deps.ts";
import { userMessage } from "../errors.ts";
import { strangerReply } from "../identity/link-tokens.ts";
import { type Who, whoIs } from "../identity/who.ts";

/** What a subcommand gets once the command has been acknowledged. */
export type CommandCall = {
  deps: BotDeps;
  command: SlashCommand;
  /** The words after the subcommand. */
  args: string[];
  respond: RespondFn;
  client: WebClient;
};

export type PersonWho = Extract<Who, { kind: "person" }>;

/** Ephemeral text reply through the command's response_url. */
export const say = (respond: RespondFn, text: string) => respond({ response_type: "ephemeral", text });

/**
 * Runs a subcommand as the linked person. A stranger gets the Italian explanation of how to be
 * designated plus a one-time link; a refused use case gets the API's message for its error code.
 */
export async function asPerson(call: CommandCall, run: (who: PersonWho) => Promise<unknown>): Promise<void> {
  const { deps, command, respond, client } = call;
  let lang: PersonWho["lang"] = "it";
  try {
    const who = await whoIs(deps, client, command.team_id, command.user_id);
    lang = who.lang;
    if (who.kind === "unknown") {
      await say(
        respond,
        await strangerReply(deps, { teamId: command.team_id, userId: command.user_id, who }),
      );
      return;
    }
    await run(who);
  } catch (error) {
    await say(respond, userMessage(error, lang));
  }
}
