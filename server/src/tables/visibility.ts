import { tableMemberIds } from "../memberships/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import { isAgreementAdmin } from "../shared/policy.ts";
import type { TableDoc } from "./documents.ts";

/**
 * DOMAIN rule 10: "riservato" material stays inside the table. Visible to the agreement's admins, the
 * table's coordinators and the referents of organisations sitting on the table today.
 */
export async function canSeeConfidential(ctx: Ctx, table: TableDoc): Promise<boolean> {
  const actor = ctx.actor;
  if (!actor) return false;
  if (isAgreementAdmin(actor, table.agreementId) || actor.coordinatorOf.includes(table._id.toHexString()))
    return true;
  if (actor.referentFor.length === 0) return false;
  const members = await tableMemberIds(ctx, table, romeDate(ctx.now()));
  return members.some((id) => actor.referentFor.includes(id.toHexString()));
}

/** The table as the acting person may see it. */
export async function visibleTable(ctx: Ctx, table: TableDoc): Promise<TableDoc> {
  if (!table.materials.some((m) => m.confidential) || (await canSeeConfidential(ctx, table))) return table;
  return { ...table, materials: table.materials.filter((m) => !m.confidential) };
}
