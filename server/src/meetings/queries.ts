import { ObjectId } from "mongodb";
import { withPresentedActionReview } from "../action-items/review.ts";
import { answersOf, answersTo } from "../rsvps/answers-given.ts";
import type { RsvpDoc } from "../rsvps/documents.ts";
import type { Ctx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import { AppError } from "../shared/errors.ts";
import { requireActor } from "../shared/policy.ts";
import type { TableDoc } from "../tables/documents.ts";
import { getTable, tablesById } from "../tables/queries.ts";
import { canSeeConfidential } from "../tables/visibility.ts";
import { isOrganiser, loadMeeting, loadMeetingTable } from "./access.ts";
import { convenedPeople } from "./convened.ts";
import type { MeetingDoc } from "./documents.ts";
import { convenedAs, loadReach, reachableTableIds } from "./person-meetings.ts";
import { type MeetingView, presentMeeting, presentMyRsvp } from "./present.ts";

/** Counts of answers among the people convened; a delegation counts once, for whoever delegated. */
export function countAnswers(convened: { personId: ObjectId }[], rsvps: RsvpDoc[]) {
  const answerOf = new Map(rsvps.map((r) => [r.personId.toHexString(), r.answer]));
  const counts = { convened: convened.length, presenza: 0, remoto: 0, assente: 0, delega: 0, pending: 0 };
  for (const person of convened) {
    const answer = answerOf.get(person.personId.toHexString());
    if (answer) counts[answer] += 1;
    else counts.pending += 1;
  }
  return counts;
}

/** One sitting with its agenda, the RSVP counts and the viewer's own answer (any logged-in person). */
export async function getMeeting({ ctx, input }: { ctx: Ctx; input: { id: ObjectId } }) {
  const actor = requireActor(ctx);
  // With its "Verifica azioni" item when earlier sittings left action items to check (action-items/).
  const { meeting, actionItems } = await withPresentedActionReview(ctx, await loadMeeting(ctx, input.id));
  const [table, rsvps] = await Promise.all([loadMeetingTable(ctx, meeting), answersTo(ctx, meeting._id)]);
  // The answers also name the delegates: one read of them serves both.
  const convened = await convenedPeople(ctx, meeting, table, rsvps);
  const isConvened = convened.some((p) => p.personId.equals(actor.personId));
  const organiser = isOrganiser(actor, table);
  const view: MeetingView = {
    convened: isConvened,
    organiser,
    seeConfidential: isConvened || organiser || (await canSeeConfidential(ctx, table)),
  };
  const mine = rsvps.find((r) => r.personId.equals(actor.personId)) ?? null;
  const presented = presentMeeting(meeting, table, view);
  return {
    ...presented,
    agenda: presented.agenda.map((item) => (item.id === presented.id ? { ...item, actionItems } : item)),
    rsvp: { counts: countAnswers(convened, rsvps), mine: presentMyRsvp(mine) },
  };
}

const soonestFirst = (a: MeetingDoc, b: MeetingDoc) =>
  a.startsAt.getTime() - b.startsAt.getTime() || a._id.toHexString().localeCompare(b._id.toHexString());

/**
 * Sittings not over at `from` on the tables, plus the ones delegated to, soonest first. Two queries, not
 * one `$or`: the embedded engine (no secondary indexes) scans either way, but evaluating the `$or` on
 * each of 100,000 sittings doubled the scan (71 → 32 ms), and the delegated ones come by `_id`, indexed.
 */
async function upcomingOn(ctx: Ctx, tableHexIds: string[], delegatedHexIds: string[], from: Date) {
  const ids = (hex: string[]) => hex.map((h) => new ObjectId(h));
  const [onTables, delegated] = await Promise.all([
    tableHexIds.length
      ? ctx.c.meetings.find({ tableId: { $in: ids(tableHexIds) }, endsAt: { $gt: from } }).toArray()
      : [],
    delegatedHexIds.length ? ctx.c.meetings.find({ _id: { $in: ids(delegatedHexIds) } }).toArray() : [],
  ]);
  const byId = new Map(onTables.map((m) => [m._id.toHexString(), m]));
  for (const m of delegated) if (m.endsAt > from) byId.set(m._id.toHexString(), m);
  return [...byId.values()].sort(soonestFirst);
}

/**
 * The acting person's sittings from `from` on, on every table where they are convened (referent,
 * delegate or coordinator), soonest first, with their own answer. Cancelled sittings are included,
 * marked, so clients can show what was called off.
 */
export async function myUpcomingMeetings({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { from?: Date; limit: number };
}) {
  const actor = requireActor(ctx);
  const from = input.from ?? ctx.now();
  const reach = await loadReach(ctx, actor.personId, romeDate(from));
  const tableIds = new Set([
    ...reachableTableIds(reach).map((id) => id.toHexString()),
    ...actor.coordinatorOf,
  ]);
  const candidates = await upcomingOn(ctx, [...tableIds], [...reach.delegatedTo], from);
  const tables = await tablesById(
    ctx,
    [...new Set(candidates.map((m) => m.tableId.toHexString()))].map((hex) => new ObjectId(hex)),
  );
  const mine: { meeting: MeetingDoc; table: TableDoc }[] = [];
  for (const meeting of candidates) {
    const table = tables.get(meeting.tableId.toHexString());
    if (table && convenedAs(reach, meeting, table)) mine.push({ meeting, table });
    if (mine.length === input.limit) break;
  }
  const meetingIds = mine.map((m) => m.meeting._id);
  const rsvps = await answersOf(ctx, actor.personId, meetingIds);
  const answerOf = new Map(rsvps.map((r) => [r.meetingId.toHexString(), r]));
  return mine.map(({ meeting, table }) => ({
    ...presentMeeting(meeting, table, {
      convened: true,
      organiser: isOrganiser(actor, table),
      seeConfidential: true,
    }),
    myRsvp: presentMyRsvp(answerOf.get(meeting._id.toHexString()) ?? null),
  }));
}

/** A table's calendar between two instants (any logged-in person); links and confidential items filtered. */
export async function tableCalendar({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tableId: ObjectId; from: Date; to: Date };
}) {
  const actor = requireActor(ctx);
  if (input.to <= input.from) throw new AppError("date_order");
  const table = await getTable({ ctx, input: { id: input.tableId } });
  const meetings = await ctx.c.meetings
    .find({ tableId: table._id, startsAt: { $lt: input.to }, endsAt: { $gt: input.from } })
    .sort({ startsAt: 1, _id: 1 })
    .limit(500)
    .toArray();
  const organiser = isOrganiser(actor, table);
  const [reach, member] = await Promise.all([
    loadReach(ctx, actor.personId, romeDate(input.from)),
    canSeeConfidential(ctx, table),
  ]);
  return meetings.map((meeting) => {
    const convened = convenedAs(reach, meeting, table) !== null;
    return presentMeeting(meeting, table, {
      convened,
      organiser,
      seeConfidential: convened || organiser || member,
    });
  });
}

/** A sitting by id, or null (no access check: for notifiers, which run after the use case passed its own). */
export function findMeeting(ctx: Ctx, id: ObjectId): Promise<MeetingDoc | null> {
  return ctx.c.meetings.findOne({ _id: id });
}

/** A sitting's title and table, for a notice about it; null when it does not exist (no access check). */
export function meetingHeadline({ ctx, input }: { ctx: Ctx; input: { id: ObjectId } }) {
  return ctx.c.meetings.findOne({ _id: input.id }, { projection: { title: 1, tableId: 1 } });
}

/**
 * Sittings overlapping [from, to) on the tables or among the ids, soonest first, at most `limit`;
 * cancelled ones included (no access check: the caller decides whose they are).
 */
export function meetingsOverlapping(
  ctx: Ctx,
  input: { tableIds: ObjectId[]; meetingIds: ObjectId[]; from: Date; to: Date; limit: number },
): Promise<MeetingDoc[]> {
  return ctx.c.meetings
    .find({
      startsAt: { $lt: input.to },
      endsAt: { $gt: input.from },
      $or: [{ tableId: { $in: input.tableIds } }, { _id: { $in: input.meetingIds } }],
    })
    .sort({ startsAt: 1, _id: 1 })
    .limit(input.limit)
    .toArray();
}

/** Ids of the convened sittings starting after `from`, soonest first, as a cursor (no access check). */
export function convenedSittingIdsFrom(ctx: Ctx, from: Date) {
  return ctx.c.meetings
    .find({ status: "convened", startsAt: { $gt: from } }, { projection: { _id: 1 } })
    .sort({ startsAt: 1, _id: 1 });
}

/**
 * Sittings held (convened, started before `until`, from `from` on when given) on the tables, newest
 * first, as a cursor: the caller reads only as many as it keeps (no access check).
 */
export function heldNewestFirst(
  ctx: Ctx,
  input: { tableIds: ObjectId[]; from: Date | undefined; until: Date },
) {
  return ctx.c.meetings
    .find({
      tableId: { $in: input.tableIds },
      status: "convened",
      startsAt: { $lt: input.until, ...(input.from ? { $gte: input.from } : {}) },
    })
    .sort({ startsAt: -1, _id: -1 });
}

/**
 * The sittings ending after `from` that a person is convened to (referent, delegate or coordinator),
 * soonest first, at most `limit`, cancelled ones included (no actor, no access check: for the reminders
 * planner, which re-plans a person's sittings when their preferences change).
 */
export async function sittingsConvening(
  ctx: Ctx,
  input: { personId: ObjectId; from: Date; limit: number },
): Promise<MeetingDoc[]> {
  const reach = await loadReach(ctx, input.personId, romeDate(input.from));
  const tableIds = new Set([...reachableTableIds(reach).map((id) => id.toHexString()), ...reach.coordinated]);
  const candidates = await upcomingOn(ctx, [...tableIds], [...reach.delegatedTo], input.from);
  const tables = await tablesById(
    ctx,
    [...new Set(candidates.map((m) => m.tableId.toHexString()))].map((hex) => new ObjectId(hex)),
  );
  const mine: MeetingDoc[] = [];
  for (const meeting of candidates) {
    const table = tables.get(meeting.tableId.toHexString());
    if (table && convenedAs(reach, meeting, table)) mine.push(meeting);
    if (mine.length === input.limit) break;
  }
  return mine;
}

/**
 * Sittings starting in [start, end) on the tables, soonest first, cancelled ones included (no access
 * check: for the periodic report, whose caller decided who may read it).
 */
export function sittingsStartingBetween(
  ctx: Ctx,
  input: { tableIds: ObjectId[]; start: Date; end: Date },
): Promise<MeetingDoc[]> {
  if (input.tableIds.length === 0) return Promise.resolve([]);
  return ctx.c.meetings
    .find({ tableId: { $in: input.tableIds }, startsAt: { $gte: input.start, $lt: input.end } })
    .sort({ startsAt: 1, _id: 1 })
    .toArray();
}
