import { describeLeadMinutes, type ReminderPreferences } from "../../../server/src/reminders/index.ts";
import type { Lang } from "../i18n.ts";
import { FIELD, VIEW } from "../ids.ts";
import { checkboxesInput, modal } from "./inputs.ts";

/** Lead times offered in Slack (the API accepts any 5–10080 minutes; these cover what people pick). */
export const LEAD_CHOICES = [10080, 2880, 1440, 180, 60, 30, 15] as const;

const T = {
  it: {
    title: "Promemoria",
    submit: "Salva",
    close: "Annulla",
    lead: "Quando ricordarti una riunione (al massimo 4)",
    channels: "Dove",
    channelNames: [
      ["Slack (messaggio privato)", "slack"],
      ["Email", "email"],
      ["Notifica sul telefono (app Tavoli)", "push"],
    ],
    paused: "Pausa",
    pausedOption: "Sospendi tutti i promemoria",
  },
  en: {
    title: "Reminders",
    submit: "Save",
    close: "Cancel",
    lead: "When to remind you of a meeting (at most 4)",
    channels: "Where",
    channelNames: [
      ["Slack (direct message)", "slack"],
      ["E-mail", "email"],
      ["Phone notification (Tavoli app)", "push"],
    ],
    paused: "Pause",
    pausedOption: "Pause all reminders",
  },
} satisfies Record<Lang, unknown>;

/** `/tavoli promemoria`: the person's current preferences, editable. */
export function remindersModal(input: { lang: Lang; preferences: ReminderPreferences }) {
  const t = T[input.lang];
  const { preferences: p } = input;
  // Checkboxes take at most 10 options: the person's own lead times (at most 4) always, then the usual ones.
  const leads = [...new Set([...p.leadMinutes, ...LEAD_CHOICES])].slice(0, 10).sort((a, b) => b - a);
  return modal({
    callbackId: VIEW.reminders,
    title: t.title,
    submit: t.submit,
    close: t.close,
    blocks: [
      checkboxesInput({
        id: FIELD.leadTimes,
        label: t.lead,
        options: leads.map((m) => [describeLeadMinutes(m, input.lang), String(m)]),
        initial: p.leadMinutes.map(String),
      }),
      checkboxesInput({
        id: FIELD.channels,
        label: t.channels,
        options: t.channelNames as [string, string][],
        initial: Object.entries(p.channels)
          .filter(([, on]) => on)
          .map(([name]) => name),
      }),
      checkboxesInput({
        id: FIELD.paused,
        label: t.paused,
        options: [[t.pausedOption, "yes"]],
        initial: p.paused ? ["yes"] : [],
      }),
    ],
  });
}
