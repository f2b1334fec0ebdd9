import type { Filter } from "mongodb";
import type { IsoDate } from "../shared/dates.ts";
import type { DesignationDoc } from "./documents.ts";

/**
 * The rules "a designation is in force on a day" and its kinds, written once as MongoDB filters and as
 * in-memory predicates over the same documents; in-force.property.test.ts shows each pair agrees.
 * A standing designation makes a referent; a single-sitting one (Reggio Emilia art. 1) only convenes its
 * person to the sitting named by meetingRef, and never lets them act for the organisation.
 */
type Dated = Pick<DesignationDoc, "from" | "to">;
type Kinded = Pick<DesignationDoc, "kind" | "meetingRef">;

/** Designations not ended before a day (`to` is the last day included): in force then or from a later day. */
export function notEndedBefore(on: IsoDate): Filter<DesignationDoc> {
  return { $or: [{ to: null }, { to: { $gte: on } }] };
}

/** The in-memory twin of notEndedBefore(). */
export function hasNotEndedBefore(d: Pick<DesignationDoc, "to">, on: IsoDate): boolean {
  return d.to === null || d.to >= on;
}

/** Designations in force on a day: started, and not ended before it. */
export function inForceOn(on: IsoDate): Filter<DesignationDoc> {
  return { from: { $lte: on }, ...notEndedBefore(on) };
}

/** The in-memory twin of inForceOn(). */
export function isInForceOn(d: Dated, on: IsoDate): boolean {
  return d.from <= on && hasNotEndedBefore(d, on);
}

/** Standing designations in force on a day: the ones that make their person a referent of the organisation. */
export function standingInForceOn(on: IsoDate): Filter<DesignationDoc> {
  return { kind: { $ne: "single_meeting" }, ...inForceOn(on) };
}

/** The in-memory twin of standingInForceOn(). */
export function isStandingInForceOn(d: Dated & Kinded, on: IsoDate): boolean {
  return d.kind !== "single_meeting" && isInForceOn(d, on);
}

/** Designations that convene their person to one sitting: standing ones, and single-sitting ones for it. */
export function convenesTo(meetingRef: string): Filter<DesignationDoc> {
  return { $or: [{ kind: { $ne: "single_meeting" } }, { kind: "single_meeting", meetingRef }] };
}

/** The in-memory twin of convenesTo(). */
export function doesConveneTo(d: Kinded, meetingRef: string): boolean {
  return d.kind !== "single_meeting" || d.meetingRef === meetingRef;
}
