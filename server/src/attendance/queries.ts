import type { ObjectId } from "mongodb";
import { isOrganiser, loadMeeting, loadMeetingTable } from "../meetings/access.ts";
import { findConvened } from "../meetings/convened.ts";
import type { MeetingDoc, QuorumOutcome } from "../meetings/documents.ts";
import { tableMemberIds } from "../memberships/queries.ts";
import { organisationNames } from "../organisations/queries.ts";
import { personNames } from "../people/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import { AppError } from "../shared/errors.ts";
import { requireActor } from "../shared/policy.ts";
import type { TableDoc } from "../tables/documents.ts";
import type { AttendanceDoc } from "./documents.ts";
import { type Names, presentAttendanceItems, presentRegister } from "./present.ts";
import { computeQuorum } from "./quorum.ts";

/** The organisations sitting on the table on the day of the sitting, as hex ids. */
export async function membersOnTheDay(ctx: Ctx, meeting: MeetingDoc, table: TableDoc): Promise<string[]> {
  const ids = await tableMemberIds(ctx, table, romeDate(meeting.startsAt));
  return ids.map((id) => id.toHexString());
}

/** The quorum the rows reach now under the sitting's rule. */
export function quorumOf(meeting: MeetingDoc, members: string[], rows: AttendanceDoc[]): QuorumOutcome {
  return computeQuorum(
    meeting.quorum,
    members,
    rows.map((row) => row.organisationId?.toHexString() ?? null),
  );
}

/** The rows of a sitting's attendance register, one per person who attended (no access check). */
export function registerRows(ctx: Ctx, meetingId: ObjectId): Promise<AttendanceDoc[]> {
  return ctx.c.attendance.find({ meetingId }).toArray();
}

/** Names of the people and organisations in the rows (one batched `$in` per collection). */
export async function namesOf(
  ctx: Ctx,
  rows: { personId: ObjectId; organisationId: ObjectId | null }[],
): Promise<Names> {
  const organisationIds = rows.flatMap((row) => (row.organisationId ? [row.organisationId] : []));
  const [people, organisations] = await Promise.all([
    personNames(
      ctx,
      rows.map((row) => row.personId),
    ),
    organisationNames(ctx, organisationIds),
  ]);
  return { people, organisations };
}

/**
 * The register of a sitting with the quorum computed now, for the organisers, the people convened and
 * the referents of the organisations sitting on the table that day; nobody else (it names people).
 */
export async function meetingAttendance({ ctx, input }: { ctx: Ctx; input: { id: ObjectId } }) {
  const actor = requireActor(ctx);
  const meeting = await loadMeeting(ctx, input.id);
  const table = await loadMeetingTable(ctx, meeting);
  const members = await membersOnTheDay(ctx, meeting, table);
  const allowed =
    isOrganiser(actor, table) ||
    members.some((id) => actor.referentFor.includes(id)) ||
    (await findConvened(ctx, meeting, table, actor.personId)) !== null;
  if (!allowed) throw new AppError("forbidden", { requiredRole: "table_member" });
  const rows = await registerRows(ctx, meeting._id);
  return {
    items: presentAttendanceItems(rows, await namesOf(ctx, rows)),
    quorum: quorumOf(meeting, members, rows),
    register: presentRegister(meeting.register),
  };
}
