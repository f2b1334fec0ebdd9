import type { Db, Filter, UpdateFilter } from "mongodb";
import type { Claimed } from "./claim.ts";
import { type DeliveryDoc, dispatchCollections } from "./documents.ts";

/** What came of running a handler once. */
export type Outcome =
  | { kind: "done"; eventAt: Date }
  | { kind: "failed"; error: string; retryInMs: number }
  | { kind: "dead"; error: string };

/** Longest `lastError` kept: enough for a message and the start of a stack. */
const MAX_ERROR_CHARS = 2000;

/**
 * Stores the outcome of this instance's attempt, guarded by the claim (still running, same owner, same
 * attempt): when the lease expired and another instance took the delivery over, this late outcome
 * changes nothing. A failure on the last allowed attempt makes the delivery dead.
 */
export async function settle(args: {
  db: Db;
  now: () => Date;
  maxAttempts: number;
  claimed: Claimed;
  outcome: Outcome;
}): Promise<"done" | "pending" | "dead" | "lost"> {
  const { claimed, outcome } = args;
  const at = args.now();
  const guard: Filter<DeliveryDoc> = {
    _id: claimed._id,
    state: "running",
    owner: claimed.owner,
    attempts: claimed.attempts,
  };
  let state: "done" | "pending" | "dead";
  let update: UpdateFilter<DeliveryDoc>;
  if (outcome.kind === "done") {
    state = "done";
    update = {
      $set: { state, doneAt: at, latencyMs: at.getTime() - outcome.eventAt.getTime(), leaseUntil: null },
    };
  } else if (outcome.kind === "dead" || claimed.attempts >= args.maxAttempts) {
    state = "dead";
    update = { $set: { state, deadAt: at, leaseUntil: null, lastError: clip(outcome.error) } };
  } else {
    state = "pending";
    update = {
      $set: {
        state,
        dueAt: new Date(at.getTime() + outcome.retryInMs),
        leaseUntil: null,
        lastError: clip(outcome.error),
      },
    };
  }
  const result = await dispatchCollections(args.db).deliveries.updateOne(guard, update);
  return result.matchedCount === 1 ? state : "lost";
}

const clip = (text: string) => (text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS)}…` : text);
