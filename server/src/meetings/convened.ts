import type { ObjectId } from "mongodb";
import { convenesTo, inForceOn } from "../designations/in-force.ts";
import type { RsvpDoc } from "../rsvps/documents.ts";
import type { Ctx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import type { TableDoc } from "../tables/documents.ts";
import { seatsOnTableFilter } from "../tables/sits-on-table.ts";
import { type ConvenedPerson, convenedAmong } from "./convened-rule.ts";
import type { MeetingDoc } from "./documents.ts";

/** Large enough that a table's roster comes back in one round trip instead of 101 documents at a time. */
const ONE_BATCH = 5000;

export type { ConvenedPerson } from "./convened-rule.ts";

/** What the rule reads of memberships and designations (convenedAmong, seatsOnTable, isInForceOn). */
const MEMBERSHIP_FIELDS = { agreementId: 1, organisationId: 1, operativeFrom: 1, withdrawal: 1, founding: 1 };
const DESIGNATION_FIELDS = {
  tableId: 1,
  organisationId: 1,
  personId: 1,
  kind: 1,
  meetingRef: 1,
  from: 1,
  to: 1,
};

/**
 * The people convened to a sitting (the rule is convenedAmong()): loads only what can count, with the
 * filters twinned with the rule's predicates. `answers`: the meeting's RSVPs when the caller has them
 * already (one query fewer).
 */
export async function convenedPeople(
  ctx: Ctx,
  meeting: MeetingDoc,
  table: TableDoc,
  answers?: RsvpDoc[],
): Promise<ConvenedPerson[]> {
  const day = romeDate(meeting.startsAt);
  // Independent reads in parallel, each in one batch.
  const [memberships, designations, rsvps] = await Promise.all([
    ctx.c.memberships
      .find(seatsOnTableFilter(table, day), { projection: MEMBERSHIP_FIELDS, batchSize: ONE_BATCH })
      .toArray(),
    ctx.c.designations
      .find(
        { tableId: table._id, $and: [inForceOn(day), convenesTo(meeting._id.toHexString())] },
        { projection: DESIGNATION_FIELDS, batchSize: ONE_BATCH },
      )
      .toArray(),
    answers ?? ctx.c.rsvps.find({ meetingId: meeting._id, answer: "delega" }).toArray(),
  ]);
  return convenedAmong(meeting, table, { memberships, designations, rsvps });
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
