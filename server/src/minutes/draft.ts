import { ObjectId } from "mongodb";
import { requireOrganiser } from "../meetings/access.ts";
import type { Ctx } from "../shared/context.ts";
import { attendeesFromRegister } from "./attendees.ts";
import { alignItems, checkedActionItems, type MinutesContent } from "./content.ts";
import type { MinutesDoc } from "./documents.ts";
import { recordMinutes } from "./record.ts";
import {
  replaceMinutes,
  requireMinutesWritable,
  requireNotApproved,
  requireVersion,
  withMinutes,
} from "./rules.ts";

/**
 * Creates or rewrites the minutes of a sitting that has started (organisers only), until they are
 * approved. `version` is the one the edit started from (absent or 0 for new minutes): a stale one is
 * refused, so two organisers editing at once cannot overwrite each other. The attendees are copied
 * afresh from the attendance register; the status stays as it was (an edit under review stays there).
 */
export async function draftMinutes({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { meetingId: ObjectId; version?: number; content: MinutesContent };
}): Promise<{ minutes: MinutesDoc; created: boolean }> {
  return withMinutes(ctx, input.meetingId, async (meeting, table, before) => {
    const actor = requireOrganiser(ctx, table);
    requireMinutesWritable(meeting, ctx.now());
    requireNotApproved(before);
    requireVersion(before, input.version);
    const items = alignItems(meeting, input.content.items);
    const [actionItems, attendees] = await Promise.all([
      checkedActionItems(ctx, input.content.actionItems),
      attendeesFromRegister(ctx, meeting),
    ]);
    const now = ctx.now();
    const after: MinutesDoc = {
      _id: before?._id ?? new ObjectId(),
      meetingId: meeting._id,
      tableId: meeting.tableId,
      agreementId: meeting.agreementId,
      status: before?.status ?? "bozza",
      attendees,
      items,
      decisions: input.content.decisions,
      actionItems,
      notes: input.content.notes,
      version: (before?.version ?? 0) + 1,
      draftedById: actor.personId,
      approvedAt: null,
      approvedById: null,
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
    };
    await replaceMinutes(ctx, before, after);
    await recordMinutes(ctx, "minutes.drafted", before, after);
    return { minutes: after, created: !before };
  });
}
