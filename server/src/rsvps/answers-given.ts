import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import type { RsvpDoc } from "./documents.ts";

// The answers given, as the meetings feature reads them to tell who is convened and what they answered
// (no access check: the caller applies its own). Apart from queries.ts, which imports meetings/: here
// they import no feature, so meetings/ can call them without an import cycle.

/** Every answer to a sitting. */
export function answersTo(ctx: Ctx, meetingId: ObjectId): Promise<RsvpDoc[]> {
  return ctx.c.rsvps.find({ meetingId }).toArray();
}

/** The `delega` answers to a sitting: whom each referent sent instead. */
export function delegationsAt(ctx: Ctx, meetingId: ObjectId): Promise<RsvpDoc[]> {
  return ctx.c.rsvps.find({ meetingId, answer: "delega" }).toArray();
}

/** The `delega` answers naming the person as the delegate, to any sitting. */
export function delegationsNaming(ctx: Ctx, personId: ObjectId): Promise<RsvpDoc[]> {
  return ctx.c.rsvps.find({ delegateId: personId, answer: "delega" }).toArray();
}

/** The person's own answers to these sittings; no query for no sittings. */
export async function answersOf(ctx: Ctx, personId: ObjectId, meetingIds: ObjectId[]): Promise<RsvpDoc[]> {
  if (meetingIds.length === 0) return [];
  return ctx.c.rsvps.find({ personId, meetingId: { $in: meetingIds } }).toArray();
}
