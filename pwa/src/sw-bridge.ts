import { Workbox } from "workbox-window";

/** Messages the service worker sends the page (a notification click asking to open a sitting). */
type WorkerMessage = { type: "navigate"; url: string };

let workbox: Workbox | null = null;
let updateChosen = false;

/**
 * Registers /sw.js (the page's one way to the worker) and reports a waiting new version, so the person
 * chooses when to reload rather than being reloaded mid-task.
 */
export function registerServiceWorker(handlers: {
  onUpdate: () => void;
  onNavigate: (url: string) => void;
}): void {
  if (!("serviceWorker" in navigator)) return;
  workbox = new Workbox("/sw.js");
  workbox.addEventListener("waiting", handlers.onUpdate);
  // Only after "aggiorna": the first install takes control quietly (clientsClaim) without a reload.
  // workbox-window's isUpdate is false in a page opened before any worker controlled it, hence our flag.
  workbox.addEventListener("controlling", () => {
    if (updateChosen) location.reload();
  });
  navigator.serviceWorker.addEventListener("message", (event) => {
    const data = event.data as WorkerMessage | null;
    if (data?.type === "navigate") handlers.onNavigate(data.url);
  });
  void workbox.register();
}

/** "Aggiorna": the waiting worker takes over, and `controlling` reloads the page on the new version. */
export function applyUpdate(): void {
  updateChosen = true;
  workbox?.messageSkipWaiting();
}
