import type { ObjectId } from "mongodb";
import type { DesignationDoc } from "../designations/documents.ts";
import { hasNotEndedBefore } from "../designations/in-force.ts";
import { designationsOf, standingDesignationsOf } from "../designations/queries.ts";
import type { MembershipDoc } from "../memberships/documents.ts";
import { membershipsOfOrganisations } from "../memberships/queries.ts";
import { delegationsNaming } from "../rsvps/answers-given.ts";
import type { RsvpDoc } from "../rsvps/documents.ts";
import type { Ctx } from "../shared/context.ts";
import type { TableDoc } from "../tables/documents.ts";
import { tablesCoordinatedBy } from "../tables/queries.ts";
import { type ConvenedPerson, convenedAmong } from "./convened-rule.ts";
import type { MeetingDoc } from "./documents.ts";

/** Everything needed to tell, for many sittings at once, whether one person is convened: five queries. */
export type PersonReach = {
  personId: ObjectId;
  /** The person's own designations (not ended before `since`). */
  designations: DesignationDoc[];
  /** The standing designations of those who delegated a sitting to the person: a delegation counts only through them. */
  delegatorDesignations: DesignationDoc[];
  /** The memberships of every organisation in either list. */
  memberships: MembershipDoc[];
  coordinated: Set<string>;
  /** The `delega` answers naming the person. */
  delegations: RsvpDoc[];
  /** Meetings the person was sent to as a delegate. */
  delegatedTo: Set<string>;
};

/** Loads a person's slice of what convenedAmong() reads: designations, delegations and the memberships behind them. */
export async function loadReach(ctx: Ctx, personId: ObjectId, since: string): Promise<PersonReach> {
  const [seats, coordinated, delegations] = await Promise.all([
    // Ended ones dropped with the rule's predicate, not its `$or` filter: the embedded engine scans
    // designations either way, and evaluating the `$or` on each of them made the scan about twice as slow.
    designationsOf(ctx, personId),
    tablesCoordinatedBy(ctx, personId),
    delegationsNaming(ctx, personId),
  ]);
  const designations = seats.filter((d) => hasNotEndedBefore(d, since));
  // Each waits for the one before: the delegators come from the delegations, the memberships from both.
  const delegatorIds = delegations.map((r) => r.personId);
  const delegatorDesignations = await standingDesignationsOf(ctx, delegatorIds, since);
  const organisationIds = [...designations, ...delegatorDesignations].map((d) => d.organisationId);
  const memberships = await membershipsOfOrganisations(ctx, organisationIds);
  return {
    personId,
    designations,
    delegatorDesignations,
    memberships,
    coordinated: new Set(coordinated.map((id) => id.toHexString())),
    delegations,
    delegatedTo: new Set(delegations.map((r) => r.meetingId.toHexString())),
  };
}

/** The tables on which the person may be convened: where they hold designations or coordinate. */
export function reachableTableIds(reach: PersonReach): ObjectId[] {
  const ids = new Map<string, ObjectId>();
  for (const d of reach.designations) ids.set(d.tableId.toHexString(), d.tableId);
  return [...ids.values()];
}

/**
 * How the person is convened to the sitting: convenedAmong(), the rule convenedPeople() applies, run on
 * the person's slice (their designations, the delegations naming them and their delegators'
 * designations), so both always give the same answer. Null if not convened.
 */
export function convenedAs(reach: PersonReach, meeting: MeetingDoc, table: TableDoc): ConvenedPerson | null {
  const everyone = convenedAmong(meeting, table, {
    memberships: reach.memberships,
    designations: [...reach.designations, ...reach.delegatorDesignations],
    rsvps: reach.delegations,
  });
  return everyone.find((p) => p.personId.equals(reach.personId)) ?? null;
}
