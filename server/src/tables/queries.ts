import type { ObjectId } from "mongodb";
import { getAgreement } from "../agreements/queries.ts";
import { registeredPeople } from "../people/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
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

/** Throws not_found unless every id is a registered person. */
export async function requireExistingPeople(ctx: Ctx, ids: ObjectId[]) {
  const found = await registeredPeople(ctx, ids);
  if (found.size !== new Set(ids.map(String)).size) throw new AppError("not_found", { entity: "person" });
}

/** Names of the given tables, by hex id (unknown ids are absent); one batched `$in`. */
export async function tableNames(ctx: Ctx, ids: ObjectId[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const found = await ctx.c.tables.find({ _id: { $in: ids } }, { projection: { name: 1 } }).toArray();
  return new Map(found.map((t) => [t._id.toHexString(), t.name]));
}
