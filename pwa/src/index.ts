/**
 * The installable web app (Vite + workbox-window, service worker in pwa/src/sw/) lands with the PWA
 * issue. Nothing runs here yet.
 */
export const PWA_STATUS = "not yet built" as const;
