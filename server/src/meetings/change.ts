import type { z } from "@hono/zod-openapi";
import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { withLock } from "../shared/lock.ts";
import { recordChange } from "../shared/record.ts";
import { loadMeeting, loadMeetingTable, requireChangeable, requireOrganiser } from "./access.ts";
import type { cancelInput, meetingPatch, rescheduleInput } from "./contracts.ts";
import { agendaDocs, requirePlace } from "./convene.ts";
import { convenedPeople } from "./convened.ts";
import type { MeetingDoc } from "./documents.ts";
import { parseMeetingTime } from "./local-time.ts";
import { checkedTiming, requireDeadlineByStart } from "./timing.ts";
import { resolveVideoLink } from "./video-link.ts";

type Changes = Record<string, { from: unknown; to: unknown }>;

/** What changed, as values a notice may repeat (never agenda text, which may be confidential). */
function diff(before: MeetingDoc, after: MeetingDoc): Changes {
  const changes: Changes = {};
  const show = (value: unknown) => (value instanceof Date ? value.toISOString() : value);
  for (const field of ["title", "startsAt", "endsAt", "mode", "place", "rsvpDeadline", "quorum"] as const) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field]))
      changes[field] = { from: show(before[field]), to: show(after[field]) };
  }
  if (before.videoLink?.url !== after.videoLink?.url) changes.videoLink = { from: "changed", to: "changed" };
  if (JSON.stringify(before.agenda) !== JSON.stringify(after.agenda))
    changes.agenda = { from: before.agenda.length, to: after.agenda.length };
  return changes;
}

/**
 * Applies a change to one sitting under its lock, raises the iCalendar SEQUENCE, and records it with
 * the event that tells everyone convened (before or after the change: both need to know). The lock is
 * the register's (attendance/register.ts): a sitting is not moved or called off while rows are written.
 */
async function changeMeeting(
  ctx: Ctx,
  id: ObjectId,
  eventType: "meeting.rescheduled" | "meeting.cancelled" | "meeting.updated",
  build: (before: MeetingDoc) => Partial<MeetingDoc>,
  extra: Record<string, unknown> = {},
): Promise<MeetingDoc> {
  return withLock(ctx, `meeting:${id.toHexString()}`, async () => {
    const before = await loadMeeting(ctx, id);
    const table = await loadMeetingTable(ctx, before);
    requireOrganiser(ctx, table);
    requireChangeable(before, ctx.now());
    const set = { ...build(before), sequence: before.sequence + 1, updatedAt: ctx.now() };
    const after = await ctx.c.meetings.findOneAndUpdate(
      { _id: id },
      { $set: set },
      { returnDocument: "after" },
    );
    if (!after) throw new AppError("not_found", { entity: "meeting" });
    const [was, is] = await Promise.all([
      convenedPeople(ctx, before, table),
      convenedPeople(ctx, after, table),
    ]);
    const everyone = new Set([...was, ...is].map((p) => p.personId.toHexString()));
    await recordChange(ctx, {
      action: eventType,
      entity: "meeting",
      entityId: id,
      agreementId: after.agreementId,
      before,
      after,
      event: {
        type: eventType,
        payload: {
          meetingId: id.toHexString(),
          tableId: after.tableId.toHexString(),
          sequence: after.sequence,
          changes: diff(before, after),
          convenedPersonIds: [...everyone],
          ...extra,
        },
      },
    });
    return after;
  });
}

/** Moves a sitting (and optionally its mode, place, link, deadline); everyone convened is told. */
export async function rescheduleMeeting({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: ObjectId; change: z.output<typeof rescheduleInput>; jitsiBaseUrl: string };
}): Promise<MeetingDoc> {
  const { change } = input;
  const timing = checkedTiming(change, ctx.now());
  return changeMeeting(
    ctx,
    input.id,
    "meeting.rescheduled",
    (before) => {
      const mode = change.mode ?? before.mode;
      const place = change.place === undefined ? before.place : change.place;
      requirePlace(mode, place);
      const videoLink =
        change.videoLink === undefined
          ? mode === "in_presenza" || before.videoLink
            ? before.videoLink
            : resolveVideoLink(mode, null, input.jitsiBaseUrl)
          : resolveVideoLink(mode, change.videoLink, input.jitsiBaseUrl);
      const rsvpDeadline = change.rsvpDeadline === undefined ? before.rsvpDeadline : timing.rsvpDeadline;
      requireDeadlineByStart(rsvpDeadline, timing.startsAt);
      return { startsAt: timing.startsAt, endsAt: timing.endsAt, mode, place, videoLink, rsvpDeadline };
    },
    { reason: change.reason ?? null },
  );
}

/** Cancels a sitting; it stays, marked cancelled, with its history. Everyone convened is told. */
export async function cancelMeeting({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: ObjectId; cancel: z.output<typeof cancelInput> };
}): Promise<MeetingDoc> {
  const reason = input.cancel.reason ?? null;
  return changeMeeting(
    ctx,
    input.id,
    "meeting.cancelled",
    () => ({ status: "cancelled", cancellation: { at: ctx.now(), reason } }),
    { reason },
  );
}

/** Changes title, agenda, RSVP deadline or quorum rule of a sitting not yet over. */
export async function updateMeeting({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: ObjectId; patch: z.output<typeof meetingPatch> };
}): Promise<MeetingDoc> {
  const { patch } = input;
  const rsvpDeadline =
    patch.rsvpDeadline === undefined
      ? undefined
      : patch.rsvpDeadline === null
        ? null
        : parseMeetingTime(patch.rsvpDeadline, "rsvpDeadline");
  return changeMeeting(ctx, input.id, "meeting.updated", (before) => {
    requireDeadlineByStart(rsvpDeadline, before.startsAt);
    return {
      ...(patch.title === undefined ? {} : { title: patch.title }),
      ...(patch.agenda === undefined ? {} : { agenda: agendaDocs(patch.agenda) }),
      ...(rsvpDeadline === undefined ? {} : { rsvpDeadline }),
      ...(patch.quorum === undefined ? {} : { quorum: patch.quorum }),
    };
  });
}
