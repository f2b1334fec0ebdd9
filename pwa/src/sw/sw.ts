/// <reference lib="WebWorker" />
import "./events.ts";
import { clientsClaim } from "workbox-core";
import { replayOutbox } from "../outbox/replay.ts";
import { registerCaching } from "./caching.ts";
import { handleNotificationClick, type ReminderPayload, showReminder } from "./notifications.ts";
import { renewSubscription } from "./subscription.ts";

declare const self: ServiceWorkerGlobalScope;

// Only listeners here: what each one does lives in the modules beside this file.
registerCaching();
// The first page that installs the worker is served by it at once (its reads cached for offline use).
clientsClaim();

self.addEventListener("message", (event) => {
  // workbox-window's messageSkipWaiting(), sent when the person chooses "aggiorna".
  if ((event.data as { type?: string } | null)?.type === "SKIP_WAITING") void self.skipWaiting();
});

self.addEventListener("push", (event) => {
  const payload = event.data?.json() as ReminderPayload | undefined;
  if (payload) event.waitUntil(showReminder(payload));
});

self.addEventListener("notificationclick", (event) => {
  const done = handleNotificationClick(event.notification, event.action);
  // A synthetic click (dispatched in tests, as DevTools cannot press an action) cannot extend its event.
  if (event.isTrusted) event.waitUntil(done);
});

self.addEventListener("pushsubscriptionchange", (event) => {
  event.waitUntil(renewSubscription(event.oldSubscription, event.newSubscription));
});

self.addEventListener("sync", (event) => {
  if (event.tag === "tavoli-outbox") event.waitUntil(replayOutbox());
});
