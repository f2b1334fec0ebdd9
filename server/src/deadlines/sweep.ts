import { ObjectId } from "mongodb";
import { listAgreements } from "../agreements/queries.ts";
import type { Pruner } from "../housekeeping/index.ts";
import { type Ctx, createCtx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import { isDuplicateKey } from "../shared/errors.ts";
import { EventBus } from "../shared/events.ts";
import { recordChangeOnce } from "../shared/record.ts";
import { computeDeadlines } from "./compute.ts";
import type { DeadlineNoticeDoc } from "./documents.ts";
import { daysBetween, settingsOf } from "./rules.ts";

/**
 * Emits `deadline.approaching` (within the agreement's `approachingDays` of an unmet due date) and
 * `deadline.overdue` (past it, unmet), once per (deadline, kind) across instances and runs: the notice's
 * unique key decides who emits, and the event is recorded with `recordChangeOnce` on the notice's own
 * stream, so a run that died between the two completes it instead of emitting twice. Returns how many
 * events this run emitted.
 */
export async function emitDeadlineNotices(ctx: Ctx): Promise<number> {
  const today = romeDate(ctx.now());
  let emitted = 0;
  let cursor: string | undefined;
  do {
    const page = await listAgreements({ ctx, input: { limit: 200, ...(cursor ? { cursor } : {}) } });
    for (const agreement of page.items) {
      const { approachingDays } = await settingsOf(ctx, agreement._id);
      for (const d of await computeDeadlines(ctx, agreement, today)) {
        if (!d.dueOn) continue;
        const daysLeft = daysBetween(today, d.dueOn);
        const kind =
          d.state === "scaduta"
            ? "overdue"
            : d.state === "in_scadenza" && daysLeft <= approachingDays
              ? "approaching"
              : null;
        if (!kind) continue;
        const notice: DeadlineNoticeDoc = {
          _id: new ObjectId(),
          key: `${agreement._id.toHexString()}:${d.key}:${kind}`,
          agreementId: agreement._id,
          deadlineKey: d.key,
          kind,
          dueOn: d.dueOn,
          createdAt: ctx.now(),
        };
        let stored = notice;
        try {
          await ctx.c.deadlineNotices.insertOne(notice);
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
          const found = await ctx.c.deadlineNotices.findOne({ key: notice.key });
          if (!found) continue;
          stored = found;
        }
        await recordChangeOnce(ctx, {
          systemActorName: "sistema (scadenze)",
          action: `deadline.${kind}`,
          entity: "deadline_notice",
          entityId: stored._id,
          agreementId: agreement._id,
          before: null,
          after: { deadlineKey: d.key, kind: d.kind, dueOn: d.dueOn },
          event: {
            type: kind === "overdue" ? "deadline.overdue" : "deadline.approaching",
            payload: {
              agreementId: agreement._id.toHexString(),
              deadlineKey: d.key,
              kind: d.kind,
              dueOn: d.dueOn,
              daysLeft,
            },
          },
        });
        if (stored === notice) emitted += 1;
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return emitted;
}

/**
 * Runs the sweep on the hourly housekeeping job (a `Pruner` by shape: it removes nothing and returns the
 * events it emitted). No in-process bus: the dispatcher finds the stored events on its next poll.
 */
export const deadlineNoticesJob: Pruner = {
  name: "deadline notices",
  prune: (db, now) => emitDeadlineNotices(createCtx({ db, bus: new EventBus(), now: () => now })),
};
