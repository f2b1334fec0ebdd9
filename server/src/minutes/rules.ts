import type { ObjectId } from "mongodb";
import { withActionReview } from "../action-items/review.ts";
import { isOrganiser, loadMeeting, loadMeetingTable } from "../meetings/access.ts";
import { findConvened } from "../meetings/convened.ts";
import type { MeetingDoc } from "../meetings/documents.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError, refusingDuplicates } from "../shared/errors.ts";
import { requireActor } from "../shared/policy.ts";
import type { TableDoc } from "../tables/documents.ts";
import { canSeeConfidential } from "../tables/visibility.ts";
import type { MinutesDoc } from "./documents.ts";

/** What the viewer may see of a sitting's minutes. */
export type MinutesViewer = {
  /** Coordinator of the table, agreement admin or installation admin: drafts and approves. */
  organiser: boolean;
  /** Organisers, the people convened and the referents of the table's members: see everything circulated. */
  participant: boolean;
};

/**
 * Runs `work` on a fresh copy of the sitting and its minutes (null when none). No lock: the writes that
 * follow are conditional on the version (and status) read here, so of two concurrent edits one wins and
 * the other gets `minutes_version_conflict` (see `replaceMinutes`).
 */
export async function withMinutes<T>(
  ctx: Ctx,
  meetingId: ObjectId,
  work: (meeting: MeetingDoc, table: TableDoc, minutes: MinutesDoc | null) => Promise<T>,
): Promise<T> {
  // The agenda with its "Verifica azioni" item, so the minutes summarise the check of action items too.
  const meeting = await withActionReview(ctx, await loadMeeting(ctx, meetingId));
  const [table, minutes] = await Promise.all([
    loadMeetingTable(ctx, meeting),
    ctx.c.minutes.findOne({ meetingId: meeting._id }),
  ]);
  return work(meeting, table, minutes);
}

/**
 * Writes `after` over `before` only if nobody changed them since they were read (same version and
 * status: one conditional write, atomic on MongoDB); a new document is inserted, the unique meetingId
 * index refusing a second one. Either refusal is `minutes_version_conflict`.
 */
export async function replaceMinutes(ctx: Ctx, before: MinutesDoc | null, after: MinutesDoc): Promise<void> {
  if (!before) {
    await refusingDuplicates(ctx.c.minutes.insertOne(after), "minutes_version_conflict", {
      currentVersion: 1,
    });
    return;
  }
  const { matchedCount } = await ctx.c.minutes.replaceOne(
    { _id: before._id, version: before.version, status: before.status },
    after,
  );
  if (matchedCount === 0) {
    const current = await ctx.c.minutes.findOne({ _id: before._id });
    throw new AppError("minutes_version_conflict", {
      currentVersion: current?.version ?? null,
      givenVersion: before.version,
    });
  }
}

/** Minutes are written for a sitting that has started and was not called off. */
export function requireMinutesWritable(meeting: MeetingDoc, now: Date): void {
  const meetingId = meeting._id.toHexString();
  if (meeting.status === "cancelled") throw new AppError("meeting_cancelled", { meetingId });
  if (now < meeting.startsAt)
    throw new AppError("minutes_too_early", { meetingId, startsAt: meeting.startsAt.toISOString() });
}

/** The minutes, or 404. */
export function requireMinutes(minutes: MinutesDoc | null, meeting: MeetingDoc): MinutesDoc {
  if (!minutes) throw new AppError("not_found", { entity: "minutes", meetingId: meeting._id.toHexString() });
  return minutes;
}

/** Approved minutes are frozen. */
export function requireNotApproved(minutes: MinutesDoc | null): void {
  if (minutes?.status === "approvato")
    throw new AppError("minutes_approved", { approvedAt: minutes.approvedAt?.toISOString() ?? null });
}

/** Optimistic concurrency: the edit must start from the stored version (0 = no minutes yet). */
export function requireVersion(minutes: MinutesDoc | null, expected: number | undefined): void {
  const current = minutes?.version ?? 0;
  if ((expected ?? 0) !== current)
    throw new AppError("minutes_version_conflict", {
      currentVersion: current,
      givenVersion: expected ?? null,
    });
}

/** Who the acting person is for these minutes (DOMAIN rules 6 and 10). */
export async function minutesViewer(ctx: Ctx, meeting: MeetingDoc, table: TableDoc): Promise<MinutesViewer> {
  const actor = requireActor(ctx);
  if (isOrganiser(actor, table)) return { organiser: true, participant: true };
  const participant =
    (await canSeeConfidential(ctx, table)) ||
    (await findConvened(ctx, meeting, table, actor.personId)) !== null;
  return { organiser: false, participant };
}

/**
 * Drafts are for the organisers; minutes under review for the table's participants; approved minutes
 * for any logged-in person, with the confidential items and people's names left to participants.
 */
export function requireMayRead(minutes: MinutesDoc, viewer: MinutesViewer): void {
  const shared =
    viewer.organiser ||
    minutes.status === "approvato" ||
    (minutes.status === "in_revisione" && viewer.participant);
  if (!shared) throw new AppError("minutes_not_shared", { status: minutes.status });
}
