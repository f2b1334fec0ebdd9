import type { ObjectId } from "mongodb";
import { getAgreement } from "../agreements/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import type { TableDoc } from "./documents.ts";

/** A table by id, or null (no access check: tables are public acts). */
export function findTable(ctx: Ctx, id: ObjectId): Promise<TableDoc | null> {
  return ctx.c.tables.findOne({ _id: id });
}

/** Finds a table or throws not_found. */
export async function getTable({ ctx, input }: { ctx: Ctx; input: { id: ObjectId } }): Promise<TableDoc> {
  const doc = await findTable(ctx, input.id);
  if (!doc) throw new AppError("not_found", { entity: "table", id: input.id.toHexString() });
  return doc;
}

/** The agreement's tables, in creation order (tables are public acts). */
export async function listTables({ ctx, input }: { ctx: Ctx; input: { agreementId: ObjectId } }) {
  await getAgreement({ ctx, input: { id: input.agreementId } });
  return ctx.c.tables.find({ agreementId: input.agreementId }).sort({ _id: 1 }).toArray();
}

/** The given tables, by hex id (unknown ids are absent); one batched `$in`. */
export async function tablesById(ctx: Ctx, ids: ObjectId[]): Promise<Map<string, TableDoc>> {
  const tables = await ctx.c.tables.find({ _id: { $in: ids } }).toArray();
  return new Map(tables.map((table) => [table._id.toHexString(), table]));
}

/** Names of the given tables, by hex id (unknown ids are absent); one batched `$in`. */
export async function tableNames(ctx: Ctx, ids: ObjectId[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const found = await ctx.c.tables.find({ _id: { $in: ids } }, { projection: { name: 1 } }).toArray();
  return new Map(found.map((t) => [t._id.toHexString(), t.name]));
}

/** Every table of these agreements. */
export function tablesOfAgreements(ctx: Ctx, agreementIds: ObjectId[]): Promise<TableDoc[]> {
  return ctx.c.tables.find({ agreementId: { $in: agreementIds } }).toArray();
}

/**
 * The tables the person coordinates, as ids (no access check: for building their roles and reach).
 * Takes only the collections, so the actor can be loaded before there is a context to act in.
 */
export async function tablesCoordinatedBy(ctx: Pick<Ctx, "c">, personId: ObjectId): Promise<ObjectId[]> {
  const found = await ctx.c.tables.find({ coordinatorIds: personId }, { projection: { _id: 1 } }).toArray();
  return found.map((table) => table._id);
}
