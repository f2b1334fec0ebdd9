import { useEffect, useState } from "preact/hooks";

/** A screen and its parameters, from the hash: Slack's "Apri in Tavoli" links are `/#/meetings/{id}`. */
export type Route =
  | { name: "meetings" }
  | { name: "meeting"; id: string }
  | { name: "contributions" }
  | { name: "reports" }
  | { name: "minutes"; meetingId?: string }
  | { name: "notifications" }
  | { name: "profile" }
  | { name: "accessibility" }
  | { name: "not-found" };

/** Parses `#/meetings/65f…` and friends. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/").filter(Boolean);
  const [first, second] = parts;
  switch (first) {
    case undefined:
    case "meetings":
      return second ? { name: "meeting", id: second } : { name: "meetings" };
    case "contributions":
    case "reports":
    case "notifications":
    case "profile":
      return { name: first };
    case "accessibility":
      return { name: "accessibility" };
    case "minutes":
      return second ? { name: "minutes", meetingId: second } : { name: "minutes" };
    default:
      return { name: "not-found" };
  }
}

/** The current route, following hash changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return route;
}

/** Goes to a hash route (`navigate("/meetings/…")`). */
export function navigate(path: string): void {
  location.hash = `#${path}`;
}
