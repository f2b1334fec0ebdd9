// Recurring maintenance: the prune job on agenda, and the type each feature's pruner has.
export { type Housekeeping, type PeriodicTask, type Pruner, startHousekeeping } from "./housekeeping.ts";

/** The instant `days` days before `now`: what is older goes. */
export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}
