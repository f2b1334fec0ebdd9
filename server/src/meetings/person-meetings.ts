import type { ObjectId } from "mongodb";
import type { DesignationDoc } from "../designations/documents.ts";
import type { MembershipDoc } from "../memberships/documents.ts";
import type { Ctx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import type { TableDoc } from "../tables/documents.ts";
import type { MeetingDoc } from "./documents.ts";

/** Everything needed to tell, for many sittings at once, whether one person is convened: three queries. */
export type PersonReach = {
  personId: ObjectId;
  designations: DesignationDoc[];
  memberships: MembershipDoc[];
  coordinated: Set<string>;
  /** Meetings the person was sent to as a delegate. */
  delegatedTo: Set<string>;
};

/** Loads a person's designations (not ended before `since`), their organisations' memberships and delegations. */
export async function loadReach(ctx: Ctx, personId: ObjectId, since: string): Promise<PersonReach> {
  const [designations, coordinated, delegations] = await Promise.all([
    ctx.c.designations.find({ personId, $or: [{ to: null }, { to: { $gte: since } }] }).toArray(),
    ctx.c.tables.find({ coordinatorIds: personId }, { projection: { _id: 1 } }).toArray(),
    ctx.c.rsvps.find({ delegateId: personId, answer: "delega" }, { projection: { meetingId: 1 } }).toArray(),
  ]);
  const organisationIds = [...new Set(designations.map((d) => d.organisationId.toHexString()))];
  const memberships = organisationIds.length
    ? await ctx.c.memberships
        .find({ organisationId: { $in: designations.map((d) => d.organisationId) } })
        .toArray()
    : [];
  return {
    personId,
    designations,
    memberships,
    coordinated: new Set(coordinated.map((t) => t._id.toHexString())),
    delegatedTo: new Set(delegations.map((r) => r.meetingId.toHexString())),
  };
}

/** The tables on which the person may be convened: where they hold designations or coordinate. */
export function reachableTableIds(reach: PersonReach): ObjectId[] {
  const ids = new Map<string, ObjectId>();
  for (const d of reach.designations) ids.set(d.tableId.toHexString(), d.tableId);
  return [...ids.values()];
}

function sitsOn(reach: PersonReach, table: TableDoc, organisationId: ObjectId, day: string): boolean {
  return reach.memberships.some(
    (m) =>
      m.agreementId.equals(table.agreementId) &&
      m.organisationId.equals(organisationId) &&
      m.operativeFrom <= day &&
      (m.withdrawal === null || m.withdrawal.effectiveOn > day) &&
      (table.access !== "founders" || m.founding),
  );
}

/**
 * How the person is convened to the sitting, the same rule as convenedPeople() seen from the person's
 * side: a referent of a member organisation on the day, a delegate for it, or a coordinator. Null if not.
 */
export function convenedAs(
  reach: PersonReach,
  meeting: MeetingDoc,
  table: TableDoc,
): { role: "referent" | "delegate" | "coordinator"; organisationId: ObjectId | null } | null {
  const day = romeDate(meeting.startsAt);
  const meetingRef = meeting._id.toHexString();
  const designation = reach.designations.find(
    (d) =>
      d.tableId.equals(table._id) &&
      d.from <= day &&
      (d.to === null || d.to >= day) &&
      (d.kind === "standing" || d.meetingRef === meetingRef) &&
      sitsOn(reach, table, d.organisationId, day),
  );
  if (designation) return { role: "referent", organisationId: designation.organisationId };
  if (reach.delegatedTo.has(meetingRef)) return { role: "delegate", organisationId: null };
  if (reach.coordinated.has(table._id.toHexString())) return { role: "coordinator", organisationId: null };
  return null;
}
