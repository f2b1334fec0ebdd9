import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { BotDeps } from "../deps.ts";
import { userMessage } from "../errors.ts";
import { TEXT } from "../i18n.ts";
import { type Who, whoIs } from "../identity/who.ts";
import { fieldErrors } from "./state.ts";

export type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
export type PersonWho = Extract<Who, { kind: "person" }>;

/**
 * A modal submission run as the linked person. Modals must be answered with their field errors in the
 * acknowledgement, so here the use case runs *before* `ack()` (well inside Slack's 3 s); a refusal
 * is shown under `errorField` unless the handler maps it itself.
 */
export async function submitAsPerson(
  args: SubmitArgs,
  deps: BotDeps,
  errorField: string,
  run: (who: PersonWho) => Promise<Record<string, string> | null>,
): Promise<void> {
  const { body, ack, client } = args;
  const teamId = body.team?.id ?? body.user.team_id ?? "";
  let lang: PersonWho["lang"] = "it";
  try {
    const who = await whoIs(deps, client, teamId, body.user.id);
    lang = who.lang;
    if (who.kind === "unknown") {
      await ack(fieldErrors({ [errorField]: TEXT[who.lang].unknownUser(who.email) }));
      return;
    }
    const errors = await run(who);
    await ack(errors ? fieldErrors(errors) : undefined);
  } catch (error) {
    await ack(fieldErrors({ [errorField]: userMessage(error, lang) }));
  }
}

/** Field errors for the API's validation details ({ path, message }[]), each under its modal field. */
export function validationErrors(details: unknown, fieldOf: Record<string, string>, fallback: string) {
  const errors: Record<string, string> = {};
  for (const issue of Array.isArray(details) ? details : []) {
    const path = String((issue as { path?: unknown }).path ?? "").split(".")[0] ?? "";
    const field = fieldOf[path] ?? fallback;
    errors[field] ??= String((issue as { message?: unknown }).message ?? "");
  }
  return errors;
}
