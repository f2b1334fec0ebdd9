import type { ObjectId } from "mongodb";
import { loadMeeting } from "../meetings/access.ts";
import type { Ctx } from "../shared/context.ts";
import { requireActor } from "../shared/policy.ts";

/**
 * Where the minutes of a sitting stand, for the Slack bot's `/tavoli verbale`: counts and dates only,
 * never content, so any logged-in person who can see the meeting may ask.
 */
export async function getMinutesStatus({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { meetingId: ObjectId };
}): Promise<{
  status: "assente" | "bozza" | "in_revisione" | "approvato";
  version: number;
  updatedAt: Date | null;
  approvedAt: Date | null;
  decisions: number;
  actionItems: number;
}> {
  requireActor(ctx);
  const meeting = await loadMeeting(ctx, input.meetingId);
  const minutes = await ctx.c.minutes.findOne({ meetingId: meeting._id });
  if (!minutes)
    return { status: "assente", version: 0, updatedAt: null, approvedAt: null, decisions: 0, actionItems: 0 };
  return {
    status: minutes.status,
    version: minutes.version,
    updatedAt: minutes.updatedAt,
    approvedAt: minutes.approvedAt,
    decisions: minutes.decisions.length,
    actionItems: minutes.actionItems.length,
  };
}
