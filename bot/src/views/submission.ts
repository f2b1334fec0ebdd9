import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { BotDeps } from "../deps.ts";
import { TEXT } from "../i18n.ts";
import { actAsPerson, type PersonWho, type StrangerWho } from "../identity/act-as.ts";
import { fieldErrors } from "./state.ts";

export type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
export type { PersonWho };

/**
 * A modal submission run as the linked person. Modals must be answered with their field errors in the
 * acknowledgement, so here the use case runs *before* `ack()` (well inside Slack's 3 s); a refusal
 * is shown under `errorField` unless the handler maps it itself, and a stranger is told there too (a
 * modal has no room for the one-time link: they get it from any command).
 */
export function submitAsPerson(
  args: SubmitArgs,
  deps: BotDeps,
  errorField: string,
  run: (who: PersonWho) => Promise<Record<string, string> | null>,
): Promise<void> {
  const { ack } = args;
  const underField = (text: string) => ack(fieldErrors({ [errorField]: text }));
  const answer = {
    text: underField,
    stranger: (who: StrangerWho) => underField(TEXT[who.lang].unknownUser(who.email)),
  };
  return actAsPerson(deps, args, answer, async (who) => {
    const errors = await run(who);
    await ack(errors ? fieldErrors(errors) : undefined);
  });
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
