import type { Ctx } from "../shared/context.ts";
import { type PageQuery, paginate } from "../shared/pagination.ts";
import { requireActor, requireInstallationAdmin } from "../shared/policy.ts";
import type { OccurrenceState } from "./documents.ts";

/** What reached the acting person (delivered attempts), newest first. */
export function listMyNotifications({ ctx, input }: { ctx: Ctx; input: PageQuery }) {
  const actor = requireActor(ctx);
  return paginate(
    ctx.c.reminderDeliveries,
    { personId: actor.personId, status: "delivered" },
    input,
    "newest_first",
  );
}

/** Occurrences in one state, newest first; installation admins only. */
export function listOccurrences({ ctx, input }: { ctx: Ctx; input: PageQuery & { state: OccurrenceState } }) {
  requireInstallationAdmin(ctx);
  return paginate(ctx.c.reminderOccurrences, { state: input.state }, input, "newest_first");
}
