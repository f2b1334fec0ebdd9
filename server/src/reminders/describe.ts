const WORDS = {
  it: {
    week: ["settimana", "settimane"],
    day: ["giorno", "giorni"],
    hour: ["ora", "ore"],
    minute: ["minuto", "minuti"],
    and: "e",
    before: "prima",
  },
  en: {
    week: ["week", "weeks"],
    day: ["day", "days"],
    hour: ["hour", "hours"],
    minute: ["minute", "minutes"],
    and: "and",
    before: "before",
  },
} as const;

const WEEK = 7 * 24 * 60;
const DAY = 24 * 60;
const HOUR = 60;

/** A reminder's lead time in words: 1440 → "1 giorno prima", 90 → "1 hour and 30 minutes before". */
export function describeLeadMinutes(minutes: number, lang: "it" | "en"): string {
  const words = WORDS[lang];
  const count = (n: number, [one, many]: readonly [string, string]) => `${n} ${n === 1 ? one : many}`;
  const whole = Math.max(0, Math.round(minutes));
  // Weeks only when exact: "1 settimana" reads well, "1 settimana e 1 giorno" less than "8 giorni".
  if (whole > 0 && whole % WEEK === 0) return `${count(whole / WEEK, words.week)} ${words.before}`;
  const parts: string[] = [];
  const days = Math.floor(whole / DAY);
  const hours = Math.floor((whole % DAY) / HOUR);
  const rest = whole % HOUR;
  if (days) parts.push(count(days, words.day));
  if (hours) parts.push(count(hours, words.hour));
  if (rest || parts.length === 0) parts.push(count(rest, words.minute));
  return `${joinWords(parts, words.and)} ${words.before}`;
}

/** "a", "a e b", "a, b e c". */
function joinWords(parts: string[], and: string): string {
  if (parts.length === 1) return parts[0] ?? "";
  return `${parts.slice(0, -1).join(", ")} ${and} ${parts.at(-1)}`;
}
