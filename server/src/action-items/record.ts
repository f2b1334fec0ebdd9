import type { Ctx } from "../shared/context.ts";
import { recordChange, recordChangeOnce } from "../shared/record.ts";
import type { ActionItemDoc } from "./documents.ts";

export type ActionItemEvent =
  | "action_item.tracked"
  | "action_item.completed"
  | "action_item.cancelled"
  | "action_item.reopened";

const hex = (id: { toHexString(): string } | null) => id?.toHexString() ?? null;

/** The event payload: ids, status and dates, never what the item says or why it was cancelled. */
export function actionItemPayload(item: ActionItemDoc) {
  return {
    actionItemId: item._id.toHexString(),
    minutesId: item.minutesId.toHexString(),
    meetingId: item.meetingId.toHexString(),
    tableId: item.tableId.toHexString(),
    ownerPersonId: hex(item.ownerPersonId),
    ownerOrganisationId: hex(item.ownerOrganisationId),
    status: item.status,
    due: item.due,
    doneOn: item.doneOn,
  };
}

/**
 * Audit entry and domain event of an action item's change. `once`: record it only if its stream holds
 * no entry of this action yet (the tracker, run again after a crash between its insert and its record).
 */
export async function recordActionItem(
  ctx: Ctx,
  type: ActionItemEvent,
  before: ActionItemDoc | null,
  after: ActionItemDoc,
  options: { once?: boolean } = {},
): Promise<void> {
  const change = {
    action: type,
    entity: "action_item",
    entityId: after._id,
    agreementId: after.agreementId,
    before,
    after,
    systemActorName: "Tavoli",
    event: { type, payload: actionItemPayload(after) },
  };
  await (options.once ? recordChangeOnce(ctx, change) : recordChange(ctx, change));
}
