import type { App } from "@slack/bolt";
import type { BotDeps } from "../deps.ts";
import { VIEW } from "../ids.ts";
import { submitConvene } from "./convene.ts";
import { submitContribution, submitReport } from "./referent.ts";
import { submitReminders } from "./reminders.ts";

/** Modal submissions, by callback_id. */
export function registerViews(app: App, deps: BotDeps): void {
  app.view(VIEW.convene, submitConvene(deps));
  app.view(VIEW.report, submitReport(deps));
  app.view(VIEW.contribution, submitContribution(deps));
  app.view(VIEW.reminders, submitReminders(deps));
}
