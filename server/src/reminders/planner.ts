import { type Db, ObjectId } from "mongodb";
import { type DispatchSubscriber, defineSubscriber } from "../dispatch/subscriber.ts";
import type { DomainEvent } from "../events.ts";
import {
  convenedPeople,
  findMeeting,
  type MeetingDoc,
  meetingsOverlapping,
  sittingsConvening,
} from "../meetings/index.ts";
import { answersTo } from "../rsvps/answers-given.ts";
import { type Ctx, createCtx } from "../shared/context.ts";
import { isDuplicateKey } from "../shared/errors.ts";
import type { EventBus } from "../shared/events.ts";
import { withLock } from "../shared/lock.ts";
import { findTable } from "../tables/queries.ts";
import type { ReminderOccurrenceDoc } from "./documents.ts";
import { keyOf, type PlannedOccurrence, wantedOccurrences } from "./plan.ts";
import { defaults, preferencesOf } from "./queries.ts";
import { outsideQuietHours } from "./quiet-hours.ts";

const MEETING_EVENTS = [
  "meeting.convened",
  "meeting.rescheduled",
  "meeting.updated",
  "meeting.cancelled",
  "meeting.delegate_named",
  "rsvp.answered",
] as const;
const TABLE_EVENTS = [
  "referent.designated",
  "referent.designation_ended",
  "referent.substituted",
  // its lead times may have changed
  "table.updated",
] as const;
const PERSON_EVENTS = ["reminder_preferences.changed"] as const;
type PlannedOn = (typeof MEETING_EVENTS | typeof TABLE_EVENTS | typeof PERSON_EVENTS)[number];
/** How far ahead a change of who sits on a table, or of someone's preferences, re-plans sittings. */
const HORIZON_MS = 366 * 24 * 3600_000;
const MAX_SITTINGS = 500;

/**
 * Keeps the stored reminder occurrences in step with the sittings: each event names the sittings it may
 * change (the sitting itself, a table's upcoming ones, a person's), and each is re-planned from its state
 * now, so a repeated or late event is harmless (idempotent, as the dispatcher asks).
 */
export function reminderPlannerSubscriber(deps: {
  db: Db;
  bus: EventBus;
  now?: () => Date;
}): DispatchSubscriber {
  return defineSubscriber({
    name: "reminder-planner",
    types: [...MEETING_EVENTS, ...TABLE_EVENTS, ...PERSON_EVENTS],
    async handle(event) {
      const ctx = createCtx({ db: deps.db, bus: deps.bus, now: deps.now });
      for (const { meetingId, personId } of await sittingsAffected(ctx, event))
        await planSitting(ctx, meetingId, personId);
    },
  });
}

async function sittingsAffected(
  ctx: Ctx,
  event: DomainEvent<PlannedOn>,
): Promise<{ meetingId: ObjectId; personId: ObjectId | null }[]> {
  const now = ctx.now();
  if ("meetingId" in event.payload)
    return [{ meetingId: new ObjectId(event.payload.meetingId), personId: null }];
  if ("tableId" in event.payload) {
    const tableId = new ObjectId(event.payload.tableId);
    const sittings = await meetingsOverlapping(ctx, {
      tableIds: [tableId],
      meetingIds: [],
      from: now,
      to: new Date(now.getTime() + HORIZON_MS),
      limit: MAX_SITTINGS,
    });
    return sittings.map((m) => ({ meetingId: m._id, personId: null }));
  }
  const personId = new ObjectId(event.payload.personId);
  const sittings = await sittingsConvening(ctx, { personId, from: now, limit: MAX_SITTINGS });
  return sittings.map((m) => ({ meetingId: m._id, personId }));
}

/**
 * Re-plans one sitting's reminders (only `personId`'s when given), under the sitting's planning lock:
 * called off → the pending ones dropped and one cancellation notice for each person who was being
 * reminded; otherwise the wanted occurrences ahead are created (or revived when skipped), and the pending
 * ones no longer wanted are dropped (an older SEQUENCE: moved or changed) or skipped (answer, preferences,
 * no longer convened). Sent, failed and dropped ones are history and stay as they are.
 */
export async function planSitting(ctx: Ctx, meetingId: ObjectId, personId: ObjectId | null = null) {
  await withLock(ctx, `reminders:${meetingId.toHexString()}`, async () => {
    const meeting = await findMeeting(ctx, meetingId);
    if (!meeting) return;
    const scope = personId ? { personId } : {};
    const existing = await ctx.c.reminderOccurrences.find({ meetingId, ...scope }).toArray();
    if (meeting.status === "cancelled") {
      await planCancellation(ctx, meeting, existing);
      return;
    }
    const table = await findTable(ctx, meeting.tableId);
    if (!table) return;
    const [convened, answers] = await Promise.all([
      convenedPeople(ctx, meeting, table),
      answersTo(ctx, meetingId),
    ]);
    const people = convened.filter((p) => !personId || p.personId.equals(personId));
    const preferences = await preferencesOf(
      ctx,
      people.map((p) => p.personId),
    );
    const answerOf = new Map(answers.map((r) => [r.personId.toHexString(), r.answer]));
    const now = ctx.now();
    const wanted = wantedOccurrences(
      meeting,
      people.map((p) => ({
        personId: p.personId,
        preferences: preferences.get(p.personId.toHexString()) ?? defaults(),
        answer: answerOf.get(p.personId.toHexString()) ?? null,
      })),
      now,
      table.reminderLeadMinutes ?? null,
    );
    const stored = new Map(existing.map((o) => [keyOf(o), o]));
    const wantedKeys = new Set(wanted.map(keyOf));
    for (const planned of wanted) {
      const found = stored.get(keyOf(planned));
      if (planned.scheduledFor <= now) continue;
      if (!found) await insertOnce(ctx, planned);
      else if (
        found.state === "pending" &&
        found.attempts === 0 &&
        +found.scheduledFor !== +planned.scheduledFor
      )
        // Quiet hours changed: the same reminder at its new time (never one already being tried).
        await ctx.c.reminderOccurrences.updateOne(
          { _id: found._id, state: "pending", attempts: 0 },
          { $set: { scheduledFor: planned.scheduledFor, dueAt: planned.scheduledFor, updatedAt: now } },
        );
      else if (found.state === "skipped")
        await ctx.c.reminderOccurrences.updateOne(
          { _id: found._id, state: "skipped" },
          {
            $set: {
              state: "pending",
              scheduledFor: planned.scheduledFor,
              dueAt: planned.scheduledFor,
              reason: null,
              updatedAt: now,
            },
          },
        );
    }
    for (const o of existing) {
      if (o.state !== "pending" || wantedKeys.has(keyOf(o))) continue;
      const moved = o.meetingSequence !== meeting.sequence;
      await settleUnwanted(ctx, o, moved ? "dropped" : "skipped", moved ? "moved" : "no_longer_wanted");
    }
  });
}

/**
 * Pending ones dropped; one notice by push, due now, for each person with a reminder pending or already
 * sent who takes reminders by push. E-mail and Slack are not used: the cancellation mail (with its
 * METHOD:CANCEL invitation) and the Slack announcement already tell everyone convened, and a second
 * "annullata" in the same inbox is noise.
 */
async function planCancellation(ctx: Ctx, meeting: MeetingDoc, existing: ReminderOccurrenceDoc[]) {
  const { _id: meetingId, sequence, startsAt } = meeting;
  const reminded = new Map<string, ObjectId>();
  for (const o of existing) {
    if (o.kind === "cancelled" || o.state === "dropped" || o.state === "skipped") continue;
    reminded.set(o.personId.toHexString(), o.personId);
    if (o.state === "pending") await settleUnwanted(ctx, o, "dropped", "cancelled");
  }
  const preferences = await preferencesOf(ctx, [...reminded.values()]);
  const now = ctx.now();
  for (const personId of reminded.values()) {
    const chosen = preferences.get(personId.toHexString());
    if (!chosen || chosen.paused || !chosen.channels.push) continue;
    const channel = "push" as const;
    const notice = { meetingId, personId, leadMinutes: null, channel, meetingSequence: sequence };
    const scheduledFor = outsideQuietHours(now, chosen.quietHours, startsAt, now);
    await insertOnce(ctx, { ...notice, kind: "cancelled", scheduledFor });
  }
}

async function settleUnwanted(
  ctx: Ctx,
  o: ReminderOccurrenceDoc,
  state: "dropped" | "skipped",
  reason: string,
) {
  await ctx.c.reminderOccurrences.updateOne(
    { _id: o._id, state: "pending" },
    { $set: { state, reason, updatedAt: ctx.now() } },
  );
}

/** Stores the occurrence unless its key is there already (the unique index decides between planners). */
async function insertOnce(ctx: Ctx, planned: PlannedOccurrence) {
  const now = ctx.now();
  try {
    await ctx.c.reminderOccurrences.insertOne({
      _id: new ObjectId(),
      ...planned,
      dueAt: planned.scheduledFor,
      state: "pending",
      attempts: 0,
      owner: null,
      leaseUntil: null,
      reason: null,
      sentVia: null,
      sentAt: null,
      createdAt: now,
      updatedAt: now,
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}
