import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";

/**
 * "Colleagues of the same organisation" are read from the only link people have to organisations: a
 * designation by it (past, present or future, on any table, of any kind). People carry no employer
 * field, so someone the organisation never designated (a stranger, another body's referent, the
 * installation admin) is no colleague; a newcomer becomes one once the organisation designates them.
 */
export async function organisationsOf(ctx: Ctx, personId: ObjectId): Promise<ObjectId[]> {
  const rows = await ctx.c.designations.find({ personId }, { projection: { organisationId: 1 } }).toArray();
  return rows.map((row) => row.organisationId);
}

/** The people the organisation has ever designated: organisationsOf read the other way round (one indexed query). */
export async function colleaguesOf(ctx: Ctx, organisationId: ObjectId): Promise<ObjectId[]> {
  const rows = await ctx.c.designations.find({ organisationId }, { projection: { personId: 1 } }).toArray();
  return [...new Map(rows.map((row) => [row.personId.toHexString(), row.personId])).values()];
}

/** True when the organisation has ever designated the person (see organisationsOf). */
export async function isColleague(ctx: Ctx, personId: ObjectId, organisationId: ObjectId): Promise<boolean> {
  return (await organisationsOf(ctx, personId)).some((id) => id.equals(organisationId));
}
