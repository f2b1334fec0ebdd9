import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import type { MinutesDoc } from "./documents.ts";

/** What action-items/ tracks of approved minutes: their action items, where they were decided, who attended. */
export type ApprovedActions = Pick<
  MinutesDoc,
  "_id" | "meetingId" | "tableId" | "agreementId" | "actionItems" | "approvedAt"
> & { attendees: { personId: ObjectId; organisationId: ObjectId | null }[] };

/**
 * The action items of minutes once approved (frozen from then on), with the attendees' organisations;
 * null for minutes that do not exist or are not approved (no access check: for the action-items tracker,
 * a durable subscriber of `minutes.approved`).
 */
export async function approvedActionItems(ctx: Ctx, minutesId: ObjectId): Promise<ApprovedActions | null> {
  const minutes = await ctx.c.minutes.findOne({ _id: minutesId, status: "approvato" });
  if (!minutes) return null;
  return {
    _id: minutes._id,
    meetingId: minutes.meetingId,
    tableId: minutes.tableId,
    agreementId: minutes.agreementId,
    actionItems: minutes.actionItems,
    approvedAt: minutes.approvedAt,
    attendees: minutes.attendees.map((a) => ({ personId: a.personId, organisationId: a.organisationId })),
  };
}
