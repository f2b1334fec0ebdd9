import type { App } from "@slack/bolt";
import type { BotDeps } from "../deps.ts";
import { ACTION } from "../ids.ts";
import { markActionItemDone } from "./action-item-buttons.ts";
import { answerByButton, revealVideoLink } from "./meeting-buttons.ts";

/** Button clicks, by action_id. */
export function registerActions(app: App, deps: BotDeps): void {
  const answer = answerByButton(deps);
  app.action(ACTION.rsvpPresenza, answer);
  app.action(ACTION.rsvpRemoto, answer);
  app.action(ACTION.rsvpAssente, answer);
  app.action(ACTION.join, revealVideoLink(deps));
  app.action(ACTION.actionItemDone, markActionItemDone(deps));
  // Link buttons open the URL in the browser; Slack still expects the click acknowledged.
  const acknowledge = async ({ ack }: { ack: () => Promise<void> }) => {
    await ack();
  };
  app.action(ACTION.openTavoli, acknowledge);
  app.action(ACTION.openVideo, acknowledge);
}
