import type { Ctx } from "../shared/context.ts";
import { recordChange } from "../shared/record.ts";
import type { MinutesDoc } from "./documents.ts";

export type MinutesEvent = "minutes.drafted" | "minutes.circulated" | "minutes.approved";

/** The minutes as the audit log keeps them: attendees by id only, so an erasure leaves no name behind. */
function auditView(minutes: MinutesDoc | null) {
  if (!minutes) return null;
  return {
    ...minutes,
    attendees: minutes.attendees.map(({ name: _name, organisationName: _org, ...rest }) => rest),
  };
}

/**
 * Audit entry and domain event for a change of the minutes. The payload carries ids and counts only,
 * never summaries, decisions or action items (DOMAIN rule 10: notifiers must not leak them).
 */
export async function recordMinutes(
  ctx: Ctx,
  type: MinutesEvent,
  before: MinutesDoc | null,
  after: MinutesDoc,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await recordChange(ctx, {
    action: type,
    entity: "minutes",
    entityId: after._id,
    agreementId: after.agreementId,
    before: auditView(before),
    after: auditView(after),
    event: {
      type,
      payload: {
        minutesId: after._id.toHexString(),
        meetingId: after.meetingId.toHexString(),
        tableId: after.tableId.toHexString(),
        status: after.status,
        version: after.version,
        attendees: after.attendees.length,
        items: after.items.length,
        decisions: after.decisions.length,
        actionItems: after.actionItems.length,
        ...extra,
      },
    },
  });
}
