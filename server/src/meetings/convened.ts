import type { ObjectId } from "mongodb";
import { designationsConvening } from "../designations/queries.ts";
import { seatingMembershipFields } from "../memberships/queries.ts";
import { delegationsAt } from "../rsvps/answers-given.ts";
import type { RsvpDoc } from "../rsvps/documents.ts";
import type { Ctx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import type { TableDoc } from "../tables/documents.ts";
import { type ConvenedPerson, convenedAmong } from "./convened-rule.ts";
import type { MeetingDoc } from "./documents.ts";

export type { ConvenedPerson } from "./convened-rule.ts";

/** What the rule reads of memberships and designations (convenedAmong, seatsOnTable, isInForceOn). */
const MEMBERSHIP_FIELDS = {
  agreementId: 1,
  organisationId: 1,
  operativeFrom: 1,
  withdrawal: 1,
  founding: 1,
} as const;
const DESIGNATION_FIELDS = {
  tableId: 1,
  organisationId: 1,
  personId: 1,
  kind: 1,
  meetingRef: 1,
  from: 1,
  to: 1,
} as const;

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
  const [designations, rsvps] = await Promise.all([
    designationsConvening(
      ctx,
      { tableId: table._id, on: day, meetingRef: meeting._id.toHexString() },
      DESIGNATION_FIELDS,
    ),
    answers ?? delegationsAt(ctx, meeting._id),
  ]);
  // Only the designating organisations' memberships, read once their designations are known: a
  // national agreement seats 7,904 comuni on an open table, a table's roster names a few dozen.
  const organisationIds = [
    ...new Map(designations.map((d) => [d.organisationId.toHexString(), d.organisationId])).values(),
  ];
  const memberships = await seatingMembershipFields(
    ctx,
    table,
    { on: day, organisationIds },
    MEMBERSHIP_FIELDS,
  );
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
