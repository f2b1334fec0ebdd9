import { organisationNames } from "../organisations/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import { requireActor } from "../shared/policy.ts";
import { tableNames } from "../tables/queries.ts";
import { inForceOn } from "./in-force.ts";

/** A table the acting person sits at today and the organisation they represent there. */
export type Seat = { tableId: string; tableName: string; organisationId: string; organisationName: string };

/** The acting person's seats today: each designation in force, with table and organisation names. */
export async function mySeats({ ctx }: { ctx: Ctx }): Promise<Seat[]> {
  const actor = requireActor(ctx);
  const designations = await ctx.c.designations
    .find({ personId: actor.personId, ...inForceOn(romeDate(ctx.now())) })
    .toArray();
  const tableIds = designations.map((d) => d.tableId);
  const organisationIds = designations.map((d) => d.organisationId);
  const [tableName, orgName] = await Promise.all([
    tableNames(ctx, tableIds),
    organisationNames(ctx, organisationIds),
  ]);
  const seats = new Map<string, Seat>();
  for (const d of designations) {
    const seat = {
      tableId: d.tableId.toHexString(),
      tableName: tableName.get(d.tableId.toHexString()) ?? "?",
      organisationId: d.organisationId.toHexString(),
      organisationName: orgName.get(d.organisationId.toHexString()) ?? "?",
    };
    seats.set(`${seat.tableId}:${seat.organisationId}`, seat);
  }
  return [...seats.values()].sort((a, b) => a.tableName.localeCompare(b.tableName, "it"));
}
