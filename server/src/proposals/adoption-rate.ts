import type { AdoptionState } from "./states.ts";

/** Adopted / addressed as a percentage with one decimal (pending answers count as addressed); null for none. */
export function ratePercent(adopted: number, addressed: number): number | null {
  return addressed === 0 ? null : Math.round((adopted / addressed) * 1000) / 10;
}

/** The counts and rate of a set of answers (one per addressed organisation). */
export function adoptionRate(states: readonly AdoptionState[]) {
  const count = (state: AdoptionState) => states.filter((s) => s === state).length;
  const adopted = count("adottata");
  return {
    addressed: states.length,
    adopted,
    notAdopted: count("non_adottata"),
    pending: count("in_valutazione"),
    ratePercent: ratePercent(adopted, states.length),
  };
}
