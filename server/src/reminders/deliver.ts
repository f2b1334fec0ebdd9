import { performance } from "node:perf_hooks";
import { ObjectId } from "mongodb";
import { isErased } from "../calendar/feed.ts";
import { findMeeting, type MeetingDoc } from "../meetings/index.ts";
import { findPerson } from "../people/queries.ts";
import { answersOf } from "../rsvps/answers-given.ts";
import type { Ctx } from "../shared/context.ts";
import { findTable } from "../tables/queries.ts";
import type { ChannelOutcome, ReminderChannel, ReminderMessage } from "./channels.ts";
import type { ReminderChannelName, ReminderOccurrenceDoc } from "./documents.ts";
import { keyOf } from "./plan.ts";

/** Where a channel that cannot reach the person hands over (a push to nobody becomes an e-mail). */
const FALLBACK: Record<ReminderChannelName, ReminderChannelName[]> = {
  push: ["email", "slack"],
  slack: ["email"],
  email: [],
};

/** How an attempt ended, for the sender to store on the occurrence. */
export type Verdict =
  | { state: "sent"; via: ReminderChannelName }
  | { state: "retry"; retryAfterMs: number | null; reason: string }
  | { state: "failed" | "dropped" | "skipped"; reason: string };

/**
 * One attempt at a claimed occurrence: the sitting is re-read (still on, unless this is the notice of
 * its cancellation; same SEQUENCE; not started), then the occurrence's channel is tried, and the
 * fallbacks the person has no occurrence of their own on; each try is logged in `reminderDeliveries`.
 */
export async function deliverOccurrence(
  ctx: Ctx,
  o: ReminderOccurrenceDoc,
  channels: ReadonlyMap<string, ReminderChannel>,
  publicUrl: string,
): Promise<Verdict> {
  const meeting = await findMeeting(ctx, o.meetingId);
  const stale = meeting ? whyStale(o, meeting, ctx.now()) : "sitting_gone";
  if (stale || !meeting) return { state: "dropped", reason: stale ?? "sitting_gone" };
  const [person, table, answers] = await Promise.all([
    findPerson(ctx, o.personId),
    findTable(ctx, meeting.tableId),
    answersOf(ctx, o.personId, [o.meetingId]),
  ]);
  if (!person || isErased(person) || !table) return { state: "dropped", reason: "person_or_table_gone" };
  const answered = answers.length > 0;
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
  const order = [o.channel, ...(await fallbacksFor(ctx, o))];
  const reasons: string[] = [];
  let configured = false;
  for (const name of order) {
    const channel = channels.get(name);
    if (!channel) continue;
    configured = true;
    const outcome = await attempt(ctx, o, channel, message);
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

/** Sends on one channel and logs the try; a channel that throws counts as a retry. */
async function attempt(
  ctx: Ctx,
  o: ReminderOccurrenceDoc,
  channel: ReminderChannel,
  message: ReminderMessage,
): Promise<ChannelOutcome> {
  const key = keyOf(o);
  const started = performance.now();
  let outcome: ChannelOutcome;
  try {
    outcome = await channel.send({ personId: o.personId, message, key });
  } catch (error) {
    outcome = {
      status: "retry",
      detail: error instanceof Error ? error.message.slice(0, 200) : String(error),
    };
  }
  await ctx.c.reminderDeliveries.insertOne({
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
