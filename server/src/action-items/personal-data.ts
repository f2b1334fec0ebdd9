import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";

/**
 * The action items a person owns or closed, for their GDPR export: what they were asked to do, by
 * when, and where it stands (they are its owner, so the text is theirs to see). Nothing to erase: items
 * name people by id only and their names are read when shown, so an erased owner shows as erased.
 */
export async function exportActionItemsOf(ctx: Ctx, personId: ObjectId) {
  const rows = await ctx.c.actionItems
    .find({ $or: [{ ownerPersonId: personId }, { closedById: personId }] })
    .sort({ _id: 1 })
    .toArray();
  const owns = (id: ObjectId | null) => id?.equals(personId) ?? false;
  return rows.map((item) => ({
    id: item._id.toHexString(),
    tableId: item.tableId.toHexString(),
    meetingId: item.meetingId.toHexString(),
    owner: owns(item.ownerPersonId),
    what: owns(item.ownerPersonId) ? item.what : null,
    due: item.due,
    status: item.status,
    doneOn: item.doneOn,
    closedByMe: owns(item.closedById),
    updatedAt: item.updatedAt.toISOString(),
  }));
}
