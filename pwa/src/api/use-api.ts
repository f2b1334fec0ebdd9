import { useCallback, useEffect, useState } from "preact/hooks";
import { ApiError, api, NetworkError } from "./client.ts";

export type Loaded<T> =
  | { state: "loading" }
  | { state: "ready"; data: T }
  | { state: "error"; message: string; offline: boolean };

/** Loads `path` (through the service worker's cache where it keeps one); `reload` asks again. */
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
  const replace = useCallback((data: T) => setLoaded({ state: "ready", data }), []);
  return [loaded, reload, replace];
}

/** Drops the service worker's cached copies of my meetings after a write changed them. */
export async function forgetCachedMeetings(): Promise<void> {
  if (typeof caches === "undefined") return;
  await caches.delete("tavoli-meetings").catch(() => false);
}
