import type { ErrorEntry } from "../shared/errors.ts";

/** The error codes the reminders feature refuses with (merged into shared/errors.ts's one catalogue). */
export const reminderErrors = {
  reminder_lead_time_invalid: {
    status: 400,
    it: "Ogni promemoria va da 5 minuti a 7 giorni (10080 minuti) prima della riunione, in minuti interi.",
    en: "Each reminder must be from 5 minutes to 7 days (10080 minutes) before the meeting, in whole minutes.",
  },
  reminder_quiet_hours_invalid: {
    status: 400,
    it: "Le ore di silenzio vanno indicate come inizio e fine diversi, nel formato HH:MM (ora italiana).",
    en: "Quiet hours need a different start and end, as HH:MM (Italian time).",
  },
  reminder_too_many: {
    status: 400,
    it: "Si possono impostare al massimo 4 promemoria per riunione.",
    en: "At most 4 reminders per meeting can be set.",
  },
} as const satisfies Record<string, ErrorEntry>;
