import { locale } from "./i18n/index.ts";

const ZONE = "Europe/Rome";

/** "martedì 3 marzo 2026, 10:00" in Italian legal time, whatever the phone's own zone. */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(locale(), {
    timeZone: ZONE,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(iso));
}

/** "10:00" in Europe/Rome. */
export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { timeZone: ZONE, hour: "2-digit", minute: "2-digit" }).format(
    new Date(iso),
  );
}

/** "3 mar 2026" in Europe/Rome. */
export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(locale(), {
    timeZone: ZONE,
    day: "numeric",
    month: "short",
    year: "numeric",
  }).format(new Date(iso));
}

/** "martedì 3 marzo 2026, 10:00–12:00". */
export function formatSlot(startsAt: string, endsAt: string): string {
  return `${formatDateTime(startsAt)}–${formatTime(endsAt)}`;
}
