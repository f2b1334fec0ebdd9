import { api, loadSession, NetworkError, useSession } from "./api/client.ts";
import type { Session } from "./api/types.ts";
import { forgetCachedMeetings } from "./api/use-api.ts";

const KNOWN = "tavoli.session";
const RETURN_TO = "tavoli.returnTo";

/**
 * Who is signed in. Offline, the last known person (never the CSRF token: writes wait in the outbox,
 * whose replay asks the server for a fresh one).
 */
export async function currentSession(): Promise<Session | null> {
  try {
    const session = await loadSession();
    const before = localStorage.getItem(KNOWN);
    const previousId = before ? (JSON.parse(before) as Session).person.id : null;
    // Someone else signed in on this device (a magic link opened without logging out): the cached
    // meetings are the previous person's view of them.
    if (previousId !== (session?.person.id ?? null)) await forgetCachedMeetings();
    if (session) localStorage.setItem(KNOWN, JSON.stringify({ ...session, csrfToken: "" }));
    else localStorage.removeItem(KNOWN);
    return session;
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    const known = localStorage.getItem(KNOWN);
    return known ? (JSON.parse(known) as Session) : null;
  }
}

/** Ends the session and forgets what this device kept of it. */
export async function logout(): Promise<void> {
  await api("DELETE", "/auth/session").catch(() => {});
  localStorage.removeItem(KNOWN);
  useSession(null);
  await forgetCachedMeetings();
}

/** A deep link opened while signed out (`#/meetings/…` from Slack) is opened again after the login. */
export function rememberReturnTo(hash: string): void {
  if (hash && hash !== "#/" && hash !== "#") localStorage.setItem(RETURN_TO, hash);
}

export function takeReturnTo(): string | null {
  const hash = localStorage.getItem(RETURN_TO);
  localStorage.removeItem(RETURN_TO);
  return hash;
}
