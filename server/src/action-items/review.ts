import type { AgendaItemDoc, MeetingDoc } from "../meetings/documents.ts";
import { heldNewestFirst } from "../meetings/queries.ts";
import type { Ctx } from "../shared/context.ts";
import type { ActionItemDoc } from "./documents.ts";
import type { PresentedActionItem } from "./present.ts";
import { presentActionItems } from "./queries.ts";

/** The title of the agenda item every sitting with action items to check carries. */
export const REVIEW_TITLE = "Verifica azioni";

/**
 * The action items a sitting checks ("verifica azioni"): those decided at earlier sittings of its table
 * that were still open at the previous sitting, that is open now or closed since then (an item closed
 * after this sitting was still open at it). Computed when read, never stored on the sitting, so it holds
 * whether the sitting was convened before or after the minutes were approved, and follows every change
 * of an item; an item left open is checked again at each sitting until it is closed.
 */
export async function actionReviewOf(ctx: Ctx, meeting: MeetingDoc): Promise<ActionItemDoc[]> {
  if (meeting.status === "cancelled") return [];
  // Items first (few per table, indexed on tableId and sittingStartsAt): most sittings read have none,
  // and then no sitting is looked up at all.
  const earlier = await ctx.c.actionItems
    .find({ tableId: meeting.tableId, sittingStartsAt: { $lt: meeting.startsAt } })
    .sort({ sittingStartsAt: 1, index: 1 })
    .toArray();
  if (earlier.length === 0) return [];
  const previous = await heldNewestFirst(ctx, {
    tableIds: [meeting.tableId],
    from: undefined,
    until: meeting.startsAt,
  })
    .limit(1)
    .next();
  const since = previous?.startsAt ?? new Date(0);
  return earlier.filter((item) => item.closedAt === null || item.closedAt >= since);
}

/**
 * The sitting with its "Verifica azioni" item last on the agenda when it has items to check, as the
 * convocation mail, the calendar invite and the minutes' draft show the agenda (the item's id is the
 * sitting's own, so minutes can summarise it). Never stored: `meetings` keeps the agenda as convened.
 */
export async function withActionReview(
  ctx: Ctx,
  meeting: MeetingDoc,
  known?: ActionItemDoc[],
): Promise<MeetingDoc> {
  const review = known ?? (await actionReviewOf(ctx, meeting));
  if (review.length === 0 || meeting.agenda.some((item) => item._id.equals(meeting._id))) return meeting;
  const item: AgendaItemDoc = {
    _id: meeting._id,
    title: REVIEW_TITLE,
    presenter: null,
    attachments: [],
    confidential: false,
  };
  return { ...meeting, agenda: [...meeting.agenda, item] };
}

/**
 * withActionReview for a reader of the sitting (GET /meetings/{id}): the sitting with its review item,
 * and that item's action items as the reader may see them (their text only to the table's circle).
 */
export async function withPresentedActionReview(
  ctx: Ctx,
  meeting: MeetingDoc,
): Promise<{ meeting: MeetingDoc; actionItems: PresentedActionItem[] }> {
  const review = await actionReviewOf(ctx, meeting);
  if (review.length === 0) return { meeting, actionItems: [] };
  return {
    meeting: await withActionReview(ctx, meeting, review),
    actionItems: await presentActionItems(ctx, review),
  };
}
