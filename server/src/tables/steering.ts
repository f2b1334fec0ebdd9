import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import type { TableDoc } from "./documents.ts";

/**
 * The kinds of table that steer an agreement: the body a table's work plan is presented to, critical
 * issues are escalated to (DOMAIN rule 8) and periodic reports are addressed to (rule 9).
 */
export const STEERING_KINDS = [
  "cabina_di_regia",
  "comitato_guida",
  "comitato_di_pilotaggio",
  "assemblea_dei_sindaci",
] as const;

export function isSteeringTable(table: Pick<TableDoc, "kind">): boolean {
  return (STEERING_KINDS as readonly string[]).includes(table.kind);
}

/**
 * The agreement's steering body: its first steering table in the order of STEERING_KINDS (a cabina di
 * regia before an assemblea), the oldest of that kind; null when the agreement has none.
 */
export async function steeringTableOf(ctx: Ctx, agreementId: ObjectId): Promise<TableDoc | null> {
  const tables = await ctx.c.tables
    .find({ agreementId, kind: { $in: [...STEERING_KINDS] } })
    .sort({ _id: 1 })
    .toArray();
  const rank = (table: TableDoc) => (STEERING_KINDS as readonly string[]).indexOf(table.kind);
  return tables.sort((a, b) => rank(a) - rank(b))[0] ?? null;
}
