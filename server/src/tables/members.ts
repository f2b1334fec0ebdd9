import type { ObjectId } from "mongodb";
import { seatingMemberships } from "../memberships/queries.ts";
import { organisationNamesAndKinds } from "../organisations/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { type IsoDate, romeDate } from "../shared/dates.ts";
import { getTable } from "./queries.ts";

/** Organisations sitting on the table on a day, with names (one batched `$in`). */
export async function listTableMembers({ ctx, input }: { ctx: Ctx; input: { id: ObjectId; on?: IsoDate } }) {
  const table = await getTable({ ctx, input });
  const on = input.on ?? romeDate(ctx.now());
  const memberships = await seatingMemberships(ctx, table, on);
  const byId = await organisationNamesAndKinds(
    ctx,
    memberships.map((m) => m.organisationId),
  );
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
