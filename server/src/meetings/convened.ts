import type { ObjectId } from "mongodb";
import { inForceOn } from "../designations/queries.ts";
import type { RsvpDoc } from "../rsvps/documents.ts";
import type { Ctx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import type { TableDoc } from "../tables/documents.ts";
import { tableMemberIds } from "../tables/sits-on-table.ts";
import type { MeetingDoc } from "./documents.ts";

/** Large enough that a table's roster comes back in one round trip instead of 101 documents at a time. */
const ONE_BATCH = 5000;

export type ConvenedPerson = {
  personId: ObjectId;
  /** The organisation the person represents at this sitting; null for a coordinator without one. */
  organisationId: ObjectId | null;
  role: "referent" | "delegate" | "coordinator";
};

/**
 * The people convened to a sitting (issue rule 4): the referents designated for the table, on the
 * meeting's day, by the organisations sitting on it that day (not-yet-operative and withdrawn ones
 * excluded), the delegates sent for this sitting only, and the table's coordinators. `answers`: the
 * meeting's RSVPs when the caller has them already (one query fewer).
 */
export async function convenedPeople(
  ctx: Ctx,
  meeting: MeetingDoc,
  table: TableDoc,
  answers?: RsvpDoc[],
): Promise<ConvenedPerson[]> {
  const day = romeDate(meeting.startsAt);
  // Independent reads in parallel, each in one batch.
  const [members, designated, delegations] = await Promise.all([
    tableMemberIds(ctx, table, day),
    ctx.c.designations
      .find(
        {
          tableId: table._id,
          ...inForceOn(day),
          $and: [
            {
              $or: [{ kind: "standing" }, { kind: "single_meeting", meetingRef: meeting._id.toHexString() }],
            },
          ],
        },
        { projection: { personId: 1, organisationId: 1, kind: 1 }, batchSize: ONE_BATCH },
      )
      .sort({ _id: 1 })
      .toArray(),
    answers
      ? answers
          .filter((r) => r.answer === "delega")
          .sort((a, b) => a._id.toHexString().localeCompare(b._id.toHexString()))
      : ctx.c.rsvps.find({ meetingId: meeting._id, answer: "delega" }).sort({ _id: 1 }).toArray(),
  ]);
  const sitting = new Set(members.map((id) => id.toHexString()));
  const designations = designated.filter((d) => sitting.has(d.organisationId.toHexString()));
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
  for (const r of delegations) {
    if (r.delegateId && referents.has(r.personId.toHexString()))
      add({ personId: r.delegateId, organisationId: r.organisationId, role: "delegate" });
  }
  for (const id of table.coordinatorIds) add({ personId: id, organisationId: null, role: "coordinator" });
  return [...byPerson.values()];
}

/** The convened person with this id, or null. */
export async function findConvened(
  ctx: Ctx,
  meeting: MeetingDoc,
  table: TableDoc,
  personId: ObjectId,
): Promise<ConvenedPerson | null> {
  const everyone = await convenedPeople(ctx, meeting, table);
  return everyone.find((p) => p.personId.equals(personId)) ?? null;
}
