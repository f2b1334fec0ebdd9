import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { type IsoDate, romeDate } from "../shared/dates.ts";
import { getTable } from "./queries.ts";
import { seatsOnTableFilter } from "./sits-on-table.ts";

/** Organisations sitting on the table on a day, with names (one batched `$in`). */
export async function listTableMembers({ ctx, input }: { ctx: Ctx; input: { id: ObjectId; on?: IsoDate } }) {
  const table = await getTable({ ctx, input });
  const on = input.on ?? romeDate(ctx.now());
  const memberships = await ctx.c.memberships.find(seatsOnTableFilter(table, on)).toArray();
  const organisations = await ctx.c.organisations
    .find({ _id: { $in: memberships.map((m) => m.organisationId) } }, { projection: { name: 1, kind: 1 } })
    .toArray();
  const byId = new Map(organisations.map((o) => [o._id.toHexString(), o]));
  const items = memberships
    .map((m) => {
      const org = byId.get(m.organisationId.toHexString());
      return {
        organisationId: m.organisationId.toHexString(),
        name: org?.name ?? "",
        kind: org?.kind ?? "",
        founding: m.founding,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "it"));
  return { on, items };
}
