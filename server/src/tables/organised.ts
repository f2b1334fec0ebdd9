import { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { requireActor } from "../shared/policy.ts";
import type { TableDoc } from "./documents.ts";

/** Tables the acting person runs (coordinator, agreement admin, installation admin), by name. */
export async function tablesOrganisedByMe({ ctx }: { ctx: Ctx }): Promise<TableDoc[]> {
  const actor = requireActor(ctx);
  const ids = (hexes: string[]) => hexes.map((hex) => new ObjectId(hex));
  const filter = actor.isInstallationAdmin
    ? {}
    : {
        $or: [
          { _id: { $in: ids(actor.coordinatorOf) } },
          { agreementId: { $in: ids(actor.agreementAdminOf) } },
        ],
      };
  return ctx.c.tables.find(filter).sort({ name: 1, _id: 1 }).limit(200).toArray();
}

/** Picks a table by a name someone typed: an exact (case-insensitive) match, else the only one containing it. */
export function matchTableName<T extends { name: string }>(tables: T[], typed: string): T[] {
  const wanted = typed.trim().toLowerCase();
  const exact = tables.filter((t) => t.name.toLowerCase() === wanted);
  return exact.length > 0 ? exact : tables.filter((t) => t.name.toLowerCase().includes(wanted));
}
