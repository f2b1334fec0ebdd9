import { performance } from "node:perf_hooks";
import { ObjectId } from "mongodb";
import { isErased } from "../calendar/feed.ts";
import { findMeeting, type MeetingDoc } from "../meetings/index.ts";
import type { PersonDoc } from "../people/documents.ts";
import { findPeople, findPerson } from "../people/queries.ts";
import { answersTo } from "../rsvps/answers-given.ts";
import type { Ctx } from "../shared/context.ts";
import type { TableDoc } from "../tables/documents.ts";
import { findTable } from "../tables/queries.ts";
import type { ChannelOutcome, ReminderChannel, ReminderMessage } from "./channels.ts";
import type { ReminderChannelName, ReminderDeliveryDoc, ReminderOccurrenceDoc } from "./documents.ts";
import { keyOf } from "./plan.ts";

/** Where a channel that cannot reach the person hands over (a push to nobody becomes an e-mail). */
const FALLBACK: Record<ReminderChannelName, ReminderChannelName[]> = {
  push: ["email", "slack"],
  slack: ["email"],
  email: [],
};

/** The reads one claimed batch shares: its occurrences mostly name the same sitting and table. */
export type BatchReads = {
  meeting(id: ObjectId): Promise<MeetingDoc | null>;
  table(id: ObjectId): Promise<TableDoc | null>;
  person(id: ObjectId): Promise<PersonDoc | null>;
  /** Whether the person has answered the sitting (their own answer). */
  answered(meetingId: ObjectId, personId: ObjectId): Promise<boolean>;
};

/**
 * Reads each sitting, table and sitting's answers once for a batch, and its people with one query (a
 * fresh batch reads them again): a batch of 32 reads four or five times, not a hundred.
 */
export function batchReads(ctx: Ctx, batch: readonly Pick<ReminderOccurrenceDoc, "personId">[]): BatchReads {
  const meetings = new Map<string, Promise<MeetingDoc | null>>();
  const tables = new Map<string, Promise<TableDoc | null>>();
  const answers = new Map<string, Promise<Set<string>>>();
  const people = new Map<string, Promise<Map<string, PersonDoc>>>();
  const once = <T>(cache: Map<string, Promise<T>>, key: string, read: () => Promise<T>) => {
    const found = cache.get(key) ?? read();
    cache.set(key, found);
    return found;
  };
  const batchPeople = () =>
    once(people, "batch", () =>
      findPeople(ctx, [...new Map(batch.map((o) => [o.personId.toHexString(), o.personId])).values()]),
    );
  return {
    meeting: (id) => once(meetings, id.toHexString(), () => findMeeting(ctx, id)),
    table: (id) => once(tables, id.toHexString(), () => findTable(ctx, id)),
    async person(id) {
      return (await batchPeople()).get(id.toHexString()) ?? (await findPerson(ctx, id));
    },
    async answered(meetingId, personId) {
      const who = await once(answers, meetingId.toHexString(), async () => {
        const given = await answersTo(ctx, meetingId);
        return new Set(given.map((answer) => answer.personId.toHexString()));
      });
      return who.has(personId.toHexString());
    },
  };
}

/** How an attempt ended, for the sender to store on the occurrence. */
export type Verdict =
  | { state: "sent"; via: ReminderChannelName }
  | { state: "retry"; retryAfterMs: number | null; reason: string }
  | { state: "failed" | "dropped" | "skipped"; reason: string };

/** A verdict and the channel tries that led to it, for `reminderDeliveries`. */
export type Delivered = { verdict: Verdict; tries: ReminderDeliveryDoc[] };

/**
 * One attempt at a claimed occurrence: the sitting is re-read (still on, unless this is the notice of
 * its cancellation; same SEQUENCE; not started), then the occurrence's channel is tried, and then the
 * fallbacks the person has no occurrence of their own on. Each try is returned for the delivery log,
 * which the sender writes with the batch's outcomes.
 */
export async function deliverOccurrence(
  ctx: Ctx,
  o: ReminderOccurrenceDoc,
  deps: { channels: ReadonlyMap<string, ReminderChannel>; publicUrl: string; reads: BatchReads },
): Promise<Delivered> {
  const tries: ReminderDeliveryDoc[] = [];
  try {
    return { verdict: await decide(ctx, o, deps, tries), tries };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { verdict: { state: "retry", retryAfterMs: null, reason }, tries };
  }
}

async function decide(
  ctx: Ctx,
  o: ReminderOccurrenceDoc,
  deps: { channels: ReadonlyMap<string, ReminderChannel>; publicUrl: string; reads: BatchReads },
  tries: ReminderDeliveryDoc[],
): Promise<Verdict> {
  const { channels, publicUrl, reads } = deps;
  const meeting = await reads.meeting(o.meetingId);
  const stale = meeting ? whyStale(o, meeting, ctx.now()) : "sitting_gone";
  if (stale || !meeting) return { state: "dropped", reason: stale ?? "sitting_gone" };
  const [person, table, answered] = await Promise.all([
    reads.person(o.personId),
    reads.table(meeting.tableId),
    reads.answered(o.meetingId, o.personId),
  ]);
  if (!person || isErased(person) || !table) return { state: "dropped", reason: "person_or_table_gone" };
  if (o.kind === "confirm" && answered) return { state: "skipped", reason: "answered" };
  const deadline = meeting.rsvpDeadline ?? meeting.startsAt;
  const answerable = o.kind !== "cancelled" && meeting.status === "convened" && ctx.now() <= deadline;
  const message: ReminderMessage = {
    kind: o.kind,
    meetingId: meeting._id.toHexString(),
    title: meeting.title,
    tableName: table.name,
    startsAt: meeting.startsAt,
    leadMinutes: o.leadMinutes,
    url: `${publicUrl}/meetings/${meeting._id.toHexString()}`,
    rsvpOpen: !answered && answerable,
    answerableUntil: answerable ? deadline : null,
    lang: person.locale === "en" ? "en" : "it",
  };
  const reasons: string[] = [];
  let configured = false;
  for await (const name of channelOrder(ctx, o)) {
    const channel = channels.get(name);
    if (!channel) continue;
    configured = true;
    const outcome = await attempt(ctx, o, channel, message, tries);
    if (outcome.status === "delivered") return { state: "sent", via: channel.name };
    if (outcome.status === "retry")
      return {
        state: "retry",
        retryAfterMs: outcome.retryAfterMs ?? null,
        reason: `${name}: ${outcome.detail ?? "retry"}`,
      };
    reasons.push(`${name}: ${outcome.status}${outcome.detail ? ` (${outcome.detail})` : ""}`);
  }
  if (!configured) return { state: "skipped", reason: `channel_not_configured: ${o.channel}` };
  return { state: "failed", reason: reasons.join("; ") };
}

/** Why the occurrence no longer fits its sitting, or null when it still does. */
function whyStale(o: ReminderOccurrenceDoc, meeting: MeetingDoc, now: Date): string | null {
  if (o.kind !== "cancelled" && meeting.status === "cancelled") return "cancelled";
  if (o.meetingSequence !== meeting.sequence) return "moved";
  if (o.kind !== "cancelled" && meeting.startsAt <= now) return "started";
  return null;
}

/** The occurrence's channel, then its fallbacks: looked up only once the loop gets past the first. */
async function* channelOrder(ctx: Ctx, o: ReminderOccurrenceDoc): AsyncGenerator<ReminderChannelName> {
  yield o.channel;
  yield* await fallbacksFor(ctx, o);
}

/** The fallbacks of the occurrence's channel on which the person has no occurrence of this reminder already. */
async function fallbacksFor(ctx: Ctx, o: ReminderOccurrenceDoc): Promise<ReminderChannelName[]> {
  const candidates = FALLBACK[o.channel];
  if (candidates.length === 0) return [];
  const siblings = await ctx.c.reminderOccurrences
    .find(
      {
        meetingId: o.meetingId,
        personId: o.personId,
        kind: o.kind,
        leadMinutes: o.leadMinutes,
        meetingSequence: o.meetingSequence,
        state: { $in: ["pending", "sending", "sent", "failed"] },
      },
      { projection: { channel: 1 } },
    )
    .toArray();
  const planned = new Set(siblings.map((s) => s.channel));
  return candidates.filter((name) => !planned.has(name));
}

/** Sends on one channel and notes the try; a channel that throws counts as a retry. */
async function attempt(
  ctx: Ctx,
  o: ReminderOccurrenceDoc,
  channel: ReminderChannel,
  message: ReminderMessage,
  tries: ReminderDeliveryDoc[],
): Promise<ChannelOutcome> {
  const key = keyOf(o);
  const started = performance.now();
  let outcome: ChannelOutcome;
  try {
    outcome = await channel.send({ personId: o.personId, message, key, firstAttempt: o.attempts === 1 });
  } catch (error) {
    outcome = {
      status: "retry",
      detail: error instanceof Error ? error.message.slice(0, 200) : String(error),
    };
  }
  tries.push({
    _id: new ObjectId(),
    occurrenceId: o._id,
    key,
    personId: o.personId,
    meetingId: o.meetingId,
    kind: o.kind,
    leadMinutes: o.leadMinutes,
    channel: channel.name,
    status: outcome.status,
    error: outcome.status === "delivered" ? null : (outcome.detail ?? null),
    latencyMs: Math.round(performance.now() - started),
    title: message.title,
    tableName: message.tableName,
    startsAt: message.startsAt,
    at: ctx.now(),
  });
  return outcome;
}
