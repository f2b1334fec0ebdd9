import { describeInstant } from "../../../server/src/meetings/index.ts";
import type { ReminderMessage } from "../../../server/src/reminders/index.ts";
import { type Lang, TEXT } from "../i18n.ts";
import { ACTION } from "../ids.ts";
import { button, context, escapeMrkdwn, section } from "./format.ts";

const WEEK = 7 * 24 * 60;
const DAY = 24 * 60;
const HOUR = 60;

/**
 * How far off the sitting is, from the reminder's lead time: 1440 → "domani", 60 → "tra 1 ora",
 * 90 → "tra 1 ora e 30 minuti", 10080 → "tra 1 settimana". Null when the reminder has no lead.
 */
export function leadPhrase(leadMinutes: number | null, lang: Lang): string | null {
  if (leadMinutes === null || leadMinutes <= 0) return null;
  const t = TEXT[lang];
  const whole = Math.round(leadMinutes);
  if (whole === DAY) return t.leadTomorrow;
  const units = t.leadUnits;
  const count = (n: number, [one, many]: readonly [string, string]) => `${n} ${n === 1 ? one : many}`;
  if (whole % WEEK === 0) return t.leadIn(count(whole / WEEK, units.week));
  const parts = [
    ...(whole >= DAY ? [count(Math.floor(whole / DAY), units.day)] : []),
    ...(whole % DAY >= HOUR ? [count(Math.floor((whole % DAY) / HOUR), units.hour)] : []),
    ...(whole % HOUR > 0 ? [count(whole % HOUR, units.minute)] : []),
  ];
  const joined =
    parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} ${units.and} ${parts.at(-1)}`;
  return t.leadIn(joined ?? "");
}

/**
 * A reminder as a direct message: one line (what, which table, when in Italy, how soon), a "Partecipa"
 * link to the sitting and, while answers are open, the convocation's own RSVP buttons (same action ids,
 * so the same handlers record the answer). A cancelled sitting gets the line and a link, no buttons.
 * It carries only what the message gives: the sitting's title and table name, never its agenda.
 */
export function reminderMessage(input: { message: ReminderMessage; lang: Lang }) {
  const { message, lang } = input;
  const t = TEXT[lang];
  const title = escapeMrkdwn(message.title);
  const table = escapeMrkdwn(message.tableName);
  const when = describeInstant(message.startsAt, lang);
  const line =
    message.kind === "cancelled"
      ? t.reminderCancelled(title, table, when)
      : message.kind === "confirm"
        ? t.reminderConfirm(title, table, when)
        : t.reminderBefore(title, table, when, leadPhrase(message.leadMinutes, lang));
  if (message.kind === "cancelled") {
    return { text: line, blocks: [section(line), context(`<${message.url}|${t.openTavoli}>`)] };
  }
  const rsvp = message.rsvpOpen
    ? [
        button({ text: t.attend, actionId: ACTION.rsvpPresenza, value: message.meetingId, style: "primary" }),
        button({ text: t.remote, actionId: ACTION.rsvpRemoto, value: message.meetingId }),
        button({ text: t.absent, actionId: ACTION.rsvpAssente, value: message.meetingId }),
      ]
    : [];
  const actions = [...rsvp, button({ text: t.join, actionId: ACTION.openTavoli, url: message.url })];
  return {
    text: line,
    blocks: [
      section(line),
      { type: "actions", block_id: `reminder_${message.meetingId}`, elements: actions },
    ],
  };
}
