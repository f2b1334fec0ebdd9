import { ObjectId } from "mongodb";
import { listAgreements } from "../agreements/queries.ts";
import type { PeriodicTask } from "../housekeeping/index.ts";
import { type Ctx, createCtx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import { isDuplicateKey } from "../shared/errors.ts";
import { EventBus } from "../shared/events.ts";
import { recordChange, recordChangeOnce } from "../shared/record.ts";
import { computeDeadlines } from "./compute.ts";
import type { DeadlineNoticeDoc } from "./documents.ts";
import { daysBetween, settingsOf } from "./rules.ts";

/** A notice taken this long ago without its event was left by a run that died: the next run records it. */
const ORPHANED_MS = 10 * 60_000;

/**
 * Emits `deadline.approaching` (within the agreement's `approachingDays` of an unmet due date) and
 * `deadline.overdue` (past it, unmet), once per (deadline, kind) across instances and runs: the notice's
 * unique key decides which run emits. A run that finds the notice already taken leaves it to its taker,
 * unless the notice is older than ORPHANED_MS (its taker died before recording the event): then it
 * completes it with `recordChangeOnce` on the notice's own stream. Returns how many events it emitted.
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
          if (!found || ctx.now().getTime() - found.createdAt.getTime() < ORPHANED_MS) continue;
          stored = found;
        }
        await (stored === notice ? recordChange : recordChangeOnce)(ctx, {
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
        emitted += 1;
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return emitted;
}

/**
 * Runs the sweep as an hourly housekeeping task, one instance per run. No in-process bus: the
 * dispatcher finds the stored events on its next poll.
 */
export const deadlineNoticesJob: PeriodicTask = {
  name: "deadlines.notices",
  run: async (db, now) => {
    const emitted = await emitDeadlineNotices(createCtx({ db, bus: new EventBus(), now: () => now }));
    return emitted > 0 ? `${emitted} events emitted` : null;
  },
};
