import type { ObjectId } from "mongodb";
import type { DesignationDoc } from "../designations/documents.ts";
import { doesConveneTo, isInForceOn } from "../designations/in-force.ts";
import type { MembershipDoc } from "../memberships/documents.ts";
import type { RsvpDoc } from "../rsvps/documents.ts";
import { romeDate } from "../shared/dates.ts";
import type { TableDoc } from "../tables/documents.ts";
import { seatsOnTable } from "../tables/sits-on-table.ts";
import type { MeetingDoc } from "./documents.ts";

export type ConvenedPerson = {
  personId: ObjectId;
  /** The organisation the person represents at this sitting; null for a coordinator without one. */
  organisationId: ObjectId | null;
  role: "referent" | "delegate" | "coordinator";
};

/** What the rule reads of a designation (isInForceOn, doesConveneTo, and whom it seats for whom). */
type Designated = Pick<
  DesignationDoc,
  "_id" | "tableId" | "organisationId" | "personId" | "kind" | "meetingRef" | "from" | "to"
>;

/**
 * The documents the rule reads, with at least the fields it reads (convenedPeople() loads no more); any
 * superset of the relevant ones gives the same answer.
 */
export type ConvenedSources = {
  memberships: Pick<
    MembershipDoc,
    "organisationId" | "agreementId" | "operativeFrom" | "withdrawal" | "founding"
  >[];
  designations: Designated[];
  /** RSVPs; only this sitting's `delega` answers count. */
  rsvps: RsvpDoc[];
};

const byId = <T extends { _id: { toHexString(): string } }>(a: T, b: T) =>
  a._id.toHexString().localeCompare(b._id.toHexString());

/**
 * Who is convened to a sitting (issue rule 4), in memory: the referents designated for the table, on the
 * meeting's day, by the organisations sitting on it that day (not-yet-operative and withdrawn ones
 * excluded), the delegates sent for this sitting only, and the table's coordinators. convenedPeople()
 * loads the sources with the matching filters; convenedAs() reads a person's own slice of them.
 */
export function convenedAmong(
  meeting: MeetingDoc,
  table: TableDoc,
  sources: ConvenedSources,
): ConvenedPerson[] {
  const day = romeDate(meeting.startsAt);
  const meetingRef = meeting._id.toHexString();
  // Organisations seated that day, looked up per designation: a national agreement has thousands of
  // memberships, and scanning them for each designation made answering an RSVP quadratic.
  const seatedOrganisations = new Set(
    sources.memberships.filter((m) => seatsOnTable(m, table, day)).map((m) => m.organisationId.toHexString()),
  );
  const seated = (d: Designated) => seatedOrganisations.has(d.organisationId.toHexString());
  const designations = sources.designations
    .filter((d) => d.tableId.equals(table._id) && isInForceOn(d, day) && doesConveneTo(d, meetingRef))
    .filter(seated)
    .sort(byId);
  const byPerson = new Map<string, ConvenedPerson>();
  const add = (person: ConvenedPerson) => {
    const key = person.personId.toHexString();
    if (!byPerson.has(key)) byPerson.set(key, person);
  };
  // A single-sitting designation convenes a delegate, not a referent: they cannot pass the sitting on.
  for (const d of designations)
    add({
      personId: d.personId,
      organisationId: d.organisationId,
      role: d.kind === "single_meeting" ? "delegate" : "referent",
    });
  // A delegate counts only while the person who delegated is convened as a referent.
  const referents = new Set(
    designations.filter((d) => d.kind !== "single_meeting").map((d) => d.personId.toHexString()),
  );
  const delegations = sources.rsvps
    .filter((r) => r.meetingId.equals(meeting._id) && r.answer === "delega")
    .sort(byId);
  for (const r of delegations) {
    if (r.delegateId && referents.has(r.personId.toHexString()))
      add({ personId: r.delegateId, organisationId: r.organisationId, role: "delegate" });
  }
  for (const id of table.coordinatorIds) add({ personId: id, organisationId: null, role: "coordinator" });
  return [...byPerson.values()];
}
