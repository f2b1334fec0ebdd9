import type { z } from "@hono/zod-openapi";
import { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { changeGuarded } from "../shared/guarded-change.ts";
import { isAgreementAdmin, requireActor } from "../shared/policy.ts";
import { audited } from "./change.ts";
import type { materialInput } from "./contracts.ts";
import type { TableDoc } from "./documents.ts";
import { getTable } from "./queries.ts";

/** Adds material to a table; coordinators and agreement admins may, `confidential` keeps it inside the table. */
export async function addMaterial({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: ObjectId; material: z.output<typeof materialInput> };
}): Promise<TableDoc> {
  const actor = requireActor(ctx);
  const material = { _id: new ObjectId(), ...input.material, addedAt: ctx.now() };
  const changed = await changeGuarded(
    ctx.c.tables,
    () => getTable({ ctx, input }),
    (before) => {
      if (
        !isAgreementAdmin(actor, before.agreementId) &&
        !actor.coordinatorOf.includes(before._id.toHexString())
      ) {
        throw new AppError("forbidden", { requiredRole: "table_coordinator" });
      }
      return { $push: { materials: material }, $set: { updatedAt: ctx.now() } };
    },
  );
  if (!changed) throw new AppError("not_found", { entity: "table" });
  await audited(ctx, "table.material_added", changed.before, changed.after);
  return changed.after;
}
