import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";

/** The person's answers to convocations, for their GDPR export. */
export async function exportRsvpsOf(ctx: Ctx, personId: ObjectId) {
  const rsvps = await ctx.c.rsvps.find({ personId }).sort({ _id: 1 }).toArray();
  return rsvps.map((r) => ({
    meetingId: r.meetingId.toHexString(),
    answer: r.answer,
    delegateId: r.delegateId?.toHexString() ?? null,
    answeredAt: r.answeredAt.toISOString(),
  }));
}
