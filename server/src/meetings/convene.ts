import { randomInt } from "node:crypto";
import type { z } from "@hono/zod-openapi";
import { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { recordChange } from "../shared/record.ts";
import type { TableDoc } from "../tables/documents.ts";
import { getTable } from "../tables/queries.ts";
import { requireOrganiser } from "./access.ts";
import type { agendaItemInput, meetingInput, seriesInput } from "./contracts.ts";
import { convenedPeople } from "./convened.ts";
import type { MeetingDoc } from "./documents.ts";
import { expandSeries } from "./recurrence.ts";
import { checkedTiming } from "./timing.ts";
import { resolveVideoLink } from "./video-link.ts";

type MeetingInput = z.output<typeof meetingInput>;

/** Agenda items as stored: each gets an id so minutes and clients can point at it. */
export function agendaDocs(items: z.output<typeof agendaItemInput>[]): MeetingDoc["agenda"] {
  return items.map((item) => ({ _id: new ObjectId(), ...item }));
}

/** In-person and hybrid sittings need somewhere to be. */
export function requirePlace(mode: MeetingDoc["mode"], place: MeetingDoc["place"]): void {
  if (mode !== "online" && !place) throw new AppError("place_required", { mode });
}

/** A six-digit code the coordinator reads out; guessing is bounded by the check-in window and rate limit. */
export function newCheckInCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

function buildMeeting(
  ctx: Ctx,
  table: TableDoc,
  input: MeetingInput,
  timing: { startsAt: Date; endsAt: Date; rsvpDeadline: Date | null },
  jitsiBaseUrl: string,
  seriesId: ObjectId | null,
  createdBy: ObjectId,
): MeetingDoc {
  requirePlace(input.mode, input.place);
  const now = ctx.now();
  return {
    _id: new ObjectId(),
    agreementId: table.agreementId,
    tableId: table._id,
    seriesId,
    title: input.title,
    startsAt: timing.startsAt,
    endsAt: timing.endsAt,
    mode: input.mode,
    place: input.place,
    videoLink: resolveVideoLink(input.mode, input.videoLink, jitsiBaseUrl),
    agenda: agendaDocs(input.agenda),
    rsvpDeadline: timing.rsvpDeadline,
    quorum: input.quorum,
    status: "convened",
    sequence: 0,
    checkInCode: newCheckInCode(),
    cancellation: null,
    register: null,
    createdBy,
    createdAt: now,
    updatedAt: now,
  };
}

async function announce(ctx: Ctx, meeting: MeetingDoc, table: TableDoc): Promise<void> {
  const convened = await convenedPeople(ctx, meeting, table);
  await recordChange(ctx, {
    action: "meeting.convened",
    entity: "meeting",
    entityId: meeting._id,
    agreementId: meeting.agreementId,
    before: null,
    after: meeting,
    event: {
      type: "meeting.convened",
      payload: {
        meetingId: meeting._id.toHexString(),
        tableId: meeting.tableId.toHexString(),
        seriesId: meeting.seriesId?.toHexString() ?? null,
        startsAt: meeting.startsAt.toISOString(),
        endsAt: meeting.endsAt.toISOString(),
        convenedPersonIds: convened.map((p) => p.personId.toHexString()),
      },
    },
  });
}

/** Convenes one sitting of a table (its coordinators or the agreement's admins). */
export async function conveneMeeting({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tableId: ObjectId; meeting: MeetingInput; jitsiBaseUrl: string };
}): Promise<MeetingDoc> {
  const table = await getTable({ ctx, input: { id: input.tableId } });
  const organiser = requireOrganiser(ctx, table);
  const timing = checkedTiming(input.meeting, ctx.now());
  const doc = buildMeeting(ctx, table, input.meeting, timing, input.jitsiBaseUrl, null, organiser.personId);
  await ctx.c.meetings.insertOne(doc);
  await announce(ctx, doc, table);
  return doc;
}

/**
 * Convenes recurring sittings ("first Tuesday of every month"): the RRULE is expanded once into concrete
 * meetings sharing a seriesId, each then rescheduled or cancelled on its own. Sittings already over are
 * skipped; each generated Jitsi room is its own.
 */
export async function conveneSeries({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tableId: ObjectId; series: z.output<typeof seriesInput>; jitsiBaseUrl: string };
}): Promise<{ seriesId: ObjectId; meetings: MeetingDoc[]; table: TableDoc }> {
  const table = await getTable({ ctx, input: { id: input.tableId } });
  const organiser = requireOrganiser(ctx, table);
  const { rrule, ...first } = input.series;
  const firstMeeting = { ...first, rsvpDeadline: null };
  const firstTiming = checkedTiming(firstMeeting, ctx.now());
  const durationMs = firstTiming.endsAt.getTime() - firstTiming.startsAt.getTime();
  const seriesId = new ObjectId();
  const docs = expandSeries(firstTiming.startsAt, rrule)
    .map((startsAt) => ({ startsAt, endsAt: new Date(startsAt.getTime() + durationMs), rsvpDeadline: null }))
    .filter((timing) => timing.endsAt > ctx.now())
    .map((timing) =>
      buildMeeting(ctx, table, firstMeeting, timing, input.jitsiBaseUrl, seriesId, organiser.personId),
    );
  if (docs.length === 0) throw new AppError("meeting_in_past", { rrule });
  await ctx.c.meetings.insertMany(docs);
  for (const doc of docs) await announce(ctx, doc, table);
  return { seriesId, meetings: docs, table };
}
