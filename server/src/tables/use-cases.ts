import type { z } from "@hono/zod-openapi";
import { ObjectId } from "mongodb";
import { getAgreement } from "../agreements/use-cases.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError, refusingDuplicates } from "../shared/errors.ts";
import { changeGuarded } from "../shared/guarded-change.ts";
import { isAgreementAdmin, requireActor, requireAgreementAdmin } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import type { materialInput, tableInput, tablePatch } from "./contracts.ts";
import type { TableDoc } from "./documents.ts";

/** Finds a table or throws not_found. */
export async function getTable({ ctx, input }: { ctx: Ctx; input: { id: ObjectId } }): Promise<TableDoc> {
  const doc = await ctx.c.tables.findOne({ _id: input.id });
  if (!doc) throw new AppError("not_found", { entity: "table", id: input.id.toHexString() });
  return doc;
}

/** The agreement's tables, in creation order (tables are public acts). */
export async function listTables({ ctx, input }: { ctx: Ctx; input: { agreementId: ObjectId } }) {
  await getAgreement({ ctx, input: { id: input.agreementId } });
  return ctx.c.tables.find({ agreementId: input.agreementId }).sort({ _id: 1 }).toArray();
}

async function requireExistingPeople(ctx: Ctx, ids: ObjectId[]) {
  const found = await ctx.c.people.countDocuments({ _id: { $in: ids } });
  if (found !== new Set(ids.map(String)).size) throw new AppError("not_found", { entity: "person" });
}

async function audited(ctx: Ctx, action: string, before: TableDoc | null, after: TableDoc) {
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

/** Creates a table of the agreement (agreement admin). */
export async function createTable({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { agreementId: ObjectId; table: z.output<typeof tableInput> };
}): Promise<TableDoc> {
  const agreement = await getAgreement({ ctx, input: { id: input.agreementId } });
  requireAgreementAdmin(ctx, agreement._id);
  await requireExistingPeople(ctx, input.table.coordinatorIds);
  const now = ctx.now();
  const doc: TableDoc = {
    _id: new ObjectId(),
    agreementId: agreement._id,
    ...input.table,
    materials: [],
    createdAt: now,
    updatedAt: now,
  };
  await refusingDuplicates(ctx.c.tables.insertOne(doc), "conflict", { field: "name", value: doc.name });
  await audited(ctx, "table.created", null, doc);
  return doc;
}

async function changeTable(ctx: Ctx, id: ObjectId, action: string, update: object): Promise<TableDoc> {
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

/** Changes name, kind, theme, access or description (agreement admin). */
export async function updateTable({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: ObjectId; patch: z.output<typeof tablePatch> };
}) {
  return changeTable(ctx, input.id, "table.updated", { $set: { ...input.patch, updatedAt: ctx.now() } });
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
