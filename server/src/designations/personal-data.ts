import type { ObjectId } from "mongodb";
import { organisationNames } from "../organisations/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { addDays, romeDate } from "../shared/dates.ts";
import { tableNames } from "../tables/queries.ts";

/** Every designation of the person, ended ones included, for their GDPR export, with table and organisation names. */
export async function exportDesignationsOf(ctx: Ctx, personId: ObjectId) {
  const designations = await ctx.c.designations.find({ personId }).sort({ from: 1, _id: 1 }).toArray();
  const tableIds = designations.map((d) => d.tableId);
  const organisationIds = designations.map((d) => d.organisationId);
  const [tableName, organisationName] = await Promise.all([
    tableNames(ctx, tableIds),
    organisationNames(ctx, organisationIds),
  ]);
  return designations.map((d) => ({
    id: d._id.toHexString(),
    agreementId: d.agreementId.toHexString(),
    tableId: d.tableId.toHexString(),
    tableName: tableName.get(d.tableId.toHexString()) ?? null,
    organisationId: d.organisationId.toHexString(),
    organisationName: organisationName.get(d.organisationId.toHexString()) ?? null,
    kind: d.kind,
    meetingRef: d.meetingRef,
    from: d.from,
    to: d.to,
    createdAt: d.createdAt.toISOString(),
  }));
}

/**
 * Erasure (DOMAIN rule 11): designations in force end the day before `erasedAt`, so the seat is visibly
 * vacant and the organisation's history keeps them; those not yet started are withdrawn outright: they
 * never took effect. Both at once: they touch different designations.
 */
export async function eraseDesignationsOf(ctx: Ctx, personId: ObjectId, erasedAt: Date): Promise<void> {
  const yesterday = addDays(romeDate(erasedAt), -1);
  await Promise.all([
    ctx.c.designations.updateMany(
      { personId, to: null, from: { $lte: yesterday } },
      { $set: { to: yesterday } },
    ),
    ctx.c.designations.deleteMany({ personId, from: { $gt: yesterday } }),
  ]);
}
