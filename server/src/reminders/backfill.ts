import type { Db } from "mongodb";
import { convenedSittingIdsFrom } from "../meetings/index.ts";
import { createCtx } from "../shared/context.ts";
import type { EventBus } from "../shared/events.ts";
import { planSitting } from "./planner.ts";

/**
 * Plans the reminders of every sitting still ahead, as the planner would on each of its events: for a
 * database whose sittings were convened before reminders existed (an upgrade), or restored from a
 * backup. Planning is idempotent (unique keys), so a second run, or one beside the planner, adds
 * nothing. Run once per installation by housekeeping (`reminders.backfill`).
 */
export async function planUpcomingSittings(deps: {
  db: Db;
  bus: EventBus;
  now?: () => Date;
}): Promise<number> {
  const ctx = createCtx(deps);
  let planned = 0;
  for await (const { _id } of convenedSittingIdsFrom(ctx, ctx.now())) {
    await planSitting(ctx, _id);
    planned += 1;
  }
  return planned;
}
