import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { type IsoDate, romeDate } from "../shared/dates.ts";
import { changeGuarded } from "../shared/guarded-change.ts";
import { getTable } from "../tables/queries.ts";
import type { ActionItemDoc } from "./documents.ts";
import { loadActionItem } from "./queries.ts";
import { type ActionItemEvent, recordActionItem } from "./record.ts";
import { requireMayChange, requireNotFuture, requireTransition } from "./rules.ts";

/** The status change asked for: done on a day, cancelled with a reason, or reopened. */
export type StatusChange =
  | { status: "completata"; doneOn: IsoDate }
  | { status: "annullata"; reason: string }
  | { status: "aperta" };

const EVENT: Record<StatusChange["status"], ActionItemEvent> = {
  completata: "action_item.completed",
  annullata: "action_item.cancelled",
  aperta: "action_item.reopened",
};

/**
 * The owner, a referent of the owner's organisation, the table's coordinators or the agreement's admins
 * move an item along ACTION_ITEM_TRANSITIONS: done (with a day not in the future), cancelled (with a
 * reason) or, once done, reopened. Guarded on the item's revision, so of two concurrent changes the
 * second is judged on the first's result. The same use case for the API and the Slack bot.
 */
export async function setActionItemStatus({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: ObjectId } & StatusChange;
}): Promise<ActionItemDoc> {
  const first = await loadActionItem(ctx, input.id);
  const table = await getTable({ ctx, input: { id: first.tableId } });
  if (input.status === "completata") requireNotFuture(ctx, input.doneOn);
  const changed = await changeGuarded(
    ctx.c.actionItems,
    () => loadActionItem(ctx, input.id),
    (before) => {
      const actor = requireMayChange(ctx, before, table);
      requireTransition(before, input.status);
      const now = ctx.now();
      const closed = input.status !== "aperta";
      return {
        $set: {
          status: input.status,
          doneOn: input.status === "completata" ? input.doneOn : null,
          cancelReason: input.status === "annullata" ? input.reason : null,
          closedAt: closed ? now : null,
          closedById: closed ? actor.personId : null,
          updatedAt: now,
        },
      };
    },
  );
  // changeGuarded returns null only when `change` does; it never does here.
  if (!changed) return first;
  await recordActionItem(ctx, EVENT[input.status], changed.before, changed.after);
  return changed.after;
}

/** Marks an item done today: the Slack bot's button (the same use case as the API's). */
export function completeActionItem({ ctx, input }: { ctx: Ctx; input: { id: ObjectId; doneOn?: IsoDate } }) {
  const doneOn = input.doneOn ?? romeDate(ctx.now());
  return setActionItemStatus({ ctx, input: { id: input.id, status: "completata", doneOn } });
}
