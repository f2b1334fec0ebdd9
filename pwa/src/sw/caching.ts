import {
  cleanupOutdatedCaches,
  matchPrecache,
  type PrecacheEntry,
  precacheAndRoute,
} from "workbox-precaching";
import { registerRoute, setCatchHandler, setDefaultHandler } from "workbox-routing";
import { NetworkOnly, StaleWhileRevalidate } from "workbox-strategies";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };

/** The cache of my meetings and of each meeting's detail; the page empties it after a write or a logout. */
export const MEETINGS_CACHE = "tavoli-meetings";

const MY_MEETINGS = /^\/api\/v1\/people\/me\/meetings$/;
const MEETING_DETAIL = /^\/api\/v1\/meetings\/[0-9a-f]{24}$/;

/**
 * The shell is precached (the build writes its file list into __WB_MANIFEST), so the app opens offline;
 * my meetings and their details are answered from the cache at once and refreshed behind; anything else
 * goes to the network, and a page that cannot be reached offline gets the offline page.
 */
export function registerCaching(): void {
  precacheAndRoute(self.__WB_MANIFEST);
  cleanupOutdatedCaches();
  registerRoute(
    ({ url, sameOrigin }) =>
      sameOrigin && (MY_MEETINGS.test(url.pathname) || MEETING_DETAIL.test(url.pathname)),
    new StaleWhileRevalidate({ cacheName: MEETINGS_CACHE }),
  );
  setDefaultHandler(new NetworkOnly());
  setCatchHandler(async ({ request }) => {
    if (request.destination === "document") return (await matchPrecache("/offline.html")) ?? Response.error();
    return Response.error();
  });
}
