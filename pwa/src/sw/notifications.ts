declare const self: ServiceWorkerGlobalScope;

/** The reminder the server pushes (server/src/push/payload.ts), with answer buttons while one may answer. */
export type ReminderPayload = {
  meetingId: string;
  title: string;
  body: string;
  startsAtRome: string;
  url: string;
  tag: string;
  actions?: Array<{ action: "presenza" | "remoto"; title: string; token: string }>;
};

type NotificationData = { url: string; tokens: Record<string, string> };

const ICON = "/icons/icon-192.png";

/**
 * Shows a pushed reminder: its answers as actions (they need no login), then "Apri". Browsers cut the
 * list at Notification.maxActions (2 in Chromium): the answers come first, and a tap on the body opens.
 */
export function showReminder(payload: ReminderPayload): Promise<void> {
  const actions = (payload.actions ?? []).map(({ action, title }) => ({ action, title }));
  const data: NotificationData = {
    url: payload.url,
    tokens: Object.fromEntries((payload.actions ?? []).map((a) => [a.action, a.token])),
  };
  return self.registration.showNotification(payload.title, {
    body: payload.body,
    tag: payload.tag,
    icon: ICON,
    badge: ICON,
    data,
    actions: [...actions, { action: "open", title: "Apri" }],
  } as NotificationOptions);
}

/**
 * A click on a reminder: an answer action records the RSVP with its single-purpose token (no cookie, no
 * CSRF), and says so; a failed answer says that too and opens the sitting, as "Apri" and the body do.
 */
export async function handleNotificationClick(notification: Notification, action: string): Promise<void> {
  notification.close();
  const data = (notification.data ?? {}) as Partial<NotificationData>;
  const url = data.url ?? "/";
  const token = data.tokens?.[action];
  if (!token) return openUrl(url);
  const answered = await answerWithToken(token);
  if (answered.ok) {
    await self.registration.showNotification("Risposta registrata", {
      body: `${action === "presenza" ? "Partecipo in presenza" : "Partecipo da remoto"}: ${notification.title}`,
      tag: notification.tag,
      icon: ICON,
      data: { url, tokens: {} },
    });
    return;
  }
  await self.registration.showNotification("Risposta non registrata", {
    body: answered.message,
    tag: notification.tag,
    icon: ICON,
    data: { url, tokens: {} },
  });
  await openUrl(url);
}

async function answerWithToken(token: string): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    const response = await fetch("/api/v1/rsvp-actions", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ token }),
    });
    if (response.ok) return { ok: true };
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    return {
      ok: false,
      message: body?.error?.message ?? `Errore ${response.status}: apri Tavoli per rispondere.`,
    };
  } catch {
    return { ok: false, message: "Nessuna connessione: apri Tavoli per rispondere." };
  }
}

/** Focuses an open Tavoli window on `url` (the page routes it), or opens one. */
async function openUrl(url: string): Promise<void> {
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const existing = windows[0];
  if (existing) {
    existing.postMessage({ type: "navigate", url });
    await existing.focus();
    return;
  }
  await self.clients.openWindow(url);
}
