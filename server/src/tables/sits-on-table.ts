import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import type { IsoDate } from "../shared/dates.ts";
import type { TableDoc } from "./documents.ts";

/**
 * Memberships in force on a day: operative (operativeFrom ≤ day) and not yet withdrawn (a withdrawal takes
 * effect on effectiveOn; until then the organisation is still a member, DOMAIN rule 2).
 */
export function membershipInForce(on: IsoDate) {
  return {
    operativeFrom: { $lte: on },
    $or: [{ withdrawal: null }, { "withdrawal.effectiveOn": { $gt: on } }],
  };
}

/** The organisations sitting on a table on a day: every operative member for open tables, founders only for restricted ones. */
export async function tableMemberIds(ctx: Ctx, table: TableDoc, on: IsoDate): Promise<ObjectId[]> {
  const filter = {
    agreementId: table.agreementId,
    ...membershipInForce(on),
    ...(table.access === "founders" ? { founding: true } : {}),
  };
  const rows = await ctx.c.memberships
    .find(filter, { projection: { organisationId: 1 }, batchSize: 5000 })
    .toArray();
  return rows.map((row) => row.organisationId);
}

/** True when the organisation sits on the table on that day. */
export async function organisationSitsOnTable(
  ctx: Ctx,
  table: TableDoc,
  organisationId: ObjectId,
  on: IsoDate,
): Promise<boolean> {
  const found = await ctx.c.memberships.findOne(
    {
      agreementId: table.agreementId,
      organisationId,
      ...membershipInForce(on),
      ...(table.access === "founders" ? { founding: true } : {}),
    },
    { projection: { _id: 1 } },
  );
  return found !== null;
}
