import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Session } from "./api/types.ts";
import type { OutboxEntry } from "./outbox/index.ts";

/** What every screen may read: who is signed in, and the writes still waiting in the outbox. */
export type AppState = {
  session: Session;
  outbox: OutboxEntry[];
  refreshOutbox: () => void;
  online: boolean;
};

export const AppContext = createContext<AppState | null>(null);

export function useAppState(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error("useAppState outside the signed-in app");
  return state;
}
