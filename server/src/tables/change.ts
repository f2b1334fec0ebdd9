import type { z } from "@hono/zod-openapi";
import type { ObjectId } from "mongodb";
import { requireExistingPeople } from "../people/queries.ts";
import { normaliseLeadMinutes } from "../reminders/lead-times.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError, refusingDuplicates } from "../shared/errors.ts";
import { changeGuarded } from "../shared/guarded-change.ts";
import { requireAgreementAdmin } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import type { tablePatch } from "./contracts.ts";
import type { TableDoc } from "./documents.ts";
import type { TableEventType } from "./events.ts";
import { getTable } from "./queries.ts";

/** Records a change of a table with its event (the action is the event type). */
export async function audited(ctx: Ctx, action: TableEventType, before: TableDoc | null, after: TableDoc) {
  await recordChange(ctx, {
    action,
    entity: "table",
    entityId: after._id,
    agreementId: after.agreementId,
    before,
    after,
    event: {
      type: action,
      payload: { tableId: after._id.toHexString(), agreementId: after.agreementId.toHexString() },
    },
  });
}

/** A table's reminder lead times as stored: normalised by the reminders' own rule, or null for the product's. */
export function leadMinutesOrNull(leadMinutes: number[] | null): number[] | null {
  return leadMinutes === null ? null : normaliseLeadMinutes(leadMinutes);
}

async function changeTable(
  ctx: Ctx,
  id: ObjectId,
  action: TableEventType,
  update: object,
): Promise<TableDoc> {
  const changed = await refusingDuplicates(
    changeGuarded(
      ctx.c.tables,
      () => getTable({ ctx, input: { id } }),
      (before) => {
        requireAgreementAdmin(ctx, before.agreementId);
        return update;
      },
    ),
    "conflict",
    { field: "name" },
  );
  if (!changed) throw new AppError("not_found", { entity: "table" });
  await audited(ctx, action, changed.before, changed.after);
  return changed.after;
}

/** Changes name, kind, theme, access, description or reminder lead times (agreement admin). */
export async function updateTable({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: ObjectId; patch: z.output<typeof tablePatch> };
}) {
  const { reminderLeadMinutes, ...patch } = input.patch;
  const leads =
    reminderLeadMinutes === undefined ? {} : { reminderLeadMinutes: leadMinutesOrNull(reminderLeadMinutes) };
  return changeTable(ctx, input.id, "table.updated", { $set: { ...patch, ...leads, updatedAt: ctx.now() } });
}

/** Replaces the table's coordinators (agreement admin). */
export async function setCoordinators({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: ObjectId; personIds: ObjectId[] };
}) {
  await requireExistingPeople(ctx, input.personIds);
  return changeTable(ctx, input.id, "table.coordinators_set", {
    $set: { coordinatorIds: input.personIds, updatedAt: ctx.now() },
  });
}
