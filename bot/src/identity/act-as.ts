import type { WebClient } from "@slack/web-api";
import type { BotDeps } from "../deps.ts";
import { userMessage } from "../errors.ts";
import type { Lang } from "../i18n.ts";
import { strangerReply } from "./link-tokens.ts";
import { type Who, whoIs } from "./who.ts";

export type PersonWho = Extract<Who, { kind: "person" }>;
export type StrangerWho = Extract<Who, { kind: "unknown" }>;

/** A slash command names its sender with flat ids; actions, view submissions and shortcuts with a user. */
type SentBy =
  | { team_id: string; user_id: string }
  | { team?: { id: string } | null; user: { id: string; team_id?: string } };

/** The workspace and user an interaction of any kind came from. */
export function senderOf(body: SentBy): { teamId: string; userId: string } {
  if ("user_id" in body) return { teamId: body.team_id, userId: body.user_id };
  return { teamId: body.team?.id ?? body.user.team_id ?? "", userId: body.user.id };
}

/** How a listener answers its sender: an ephemeral text, or (modals) field errors in the ack. */
export type Answer = {
  text: (message: string) => Promise<unknown>;
  /** What a stranger is told; by default how to be designated, with a one-time identity link. */
  stranger?: (who: StrangerWho) => Promise<unknown>;
};

/**
 * The one Slack interaction adapter: runs a command's, button's, modal's or shortcut's work as the
 * linked person who sent it, with their ctx and language. A stranger gets the stranger reply; a refused
 * use case gets the API's message for its error code, in the sender's language.
 */
export async function actAsPerson(
  deps: BotDeps,
  interaction: { body: SentBy; client: WebClient },
  answer: Answer,
  run: (who: PersonWho) => Promise<unknown>,
): Promise<void> {
  const { teamId, userId } = senderOf(interaction.body);
  let lang: Lang = "it";
  try {
    const who = await whoIs(deps, interaction.client, teamId, userId);
    lang = who.lang;
    if (who.kind === "person") {
      await run(who);
    } else if (answer.stranger) {
      await answer.stranger(who);
    } else {
      await answer.text(await strangerReply(deps, { teamId, userId, who }));
    }
  } catch (error) {
    await answer.text(userMessage(error, lang));
  }
}
