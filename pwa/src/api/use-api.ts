import { useCallback, useEffect, useState } from "preact/hooks";
import { ApiError, api, NetworkError } from "./client.ts";

/** Dispatched on window when writes reached the server behind the screens' back (an outbox replay). */
export const DATA_CHANGED = "tavoli:data-changed";

export type Loaded<T> =
  | { state: "loading" }
  | { state: "ready"; data: T }
  | { state: "error"; message: string; offline: boolean };

/**
 * Loads `path` (through the service worker's cache where it keeps one); `reload` asks again, as does an
 * outbox replay that sent something (DATA_CHANGED), so a screen never keeps showing the answer before it.
 */
export function useApi<T>(path: string | null): [Loaded<T>, () => void, (data: T) => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: "loading" });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!path) return;
    let live = true;
    setLoaded((previous) => (previous.state === "ready" ? previous : { state: "loading" }));
    api<T>("GET", path)
      .then((data) => live && setLoaded({ state: "ready", data }))
      .catch((error: unknown) => {
        if (!live) return;
        const offline = error instanceof NetworkError;
        setLoaded({
          state: "error",
          message: error instanceof ApiError ? error.message : String(error),
          offline,
        });
      });
    return () => {
      live = false;
    };
  }, [path, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  useEffect(() => {
    window.addEventListener(DATA_CHANGED, reload);
    return () => window.removeEventListener(DATA_CHANGED, reload);
  }, [reload]);
  const replace = useCallback((data: T) => setLoaded({ state: "ready", data }), []);
  return [loaded, reload, replace];
}

/** Drops the service worker's cached copies of my meetings after a write changed them. */
export async function forgetCachedMeetings(): Promise<void> {
  if (typeof caches === "undefined") return;
  await caches.delete("tavoli-meetings").catch(() => false);
}
