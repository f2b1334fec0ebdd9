import { AppError, errorCatalogue } from "../../../server/src/index.ts";
import { describeLeadMinutes, setReminderPreferences } from "../../../server/src/reminders/index.ts";
import type { BotDeps } from "../deps.ts";
import { TEXT } from "../i18n.ts";
import { FIELD } from "../ids.ts";
import { checkedValues } from "./state.ts";
import { type SubmitArgs, submitAsPerson } from "./submission.ts";

/** `/tavoli promemoria` saved: the same use case as `PUT /people/me/reminder-preferences`. */
export function submitReminders(deps: BotDeps) {
  return (args: SubmitArgs) =>
    submitAsPerson(args, deps, FIELD.leadTimes, async (who) => {
      const values = args.view.state.values;
      const channels = checkedValues(values, FIELD.channels);
      try {
        const saved = await setReminderPreferences({
          ctx: who.ctx,
          input: {
            leadMinutes: checkedValues(values, FIELD.leadTimes).map(Number),
            channels: {
              slack: channels.includes("slack"),
              email: channels.includes("email"),
              push: channels.includes("push"),
            },
            paused: checkedValues(values, FIELD.paused).includes("yes"),
          },
        });
        const t = TEXT[who.lang];
        const summary = saved.paused
          ? t.remindersPaused
          : saved.leadMinutes.map((m) => describeLeadMinutes(m, who.lang)).join(", ") || "—";
        setImmediate(() => {
          args.client.chat
            .postMessage({ channel: args.body.user.id, text: t.remindersSaved(summary) })
            .catch(() => {});
        });
        return null;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return { [FIELD.leadTimes]: errorCatalogue[error.code][who.lang] };
      }
    });
}
