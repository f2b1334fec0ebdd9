import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";

/**
 * The reports a person issued, for their GDPR export: which, of what and when, not the content, which
 * is the agreement's record and may be confidential (DOMAIN rule 10). Erasure leaves them: the issuer
 * is kept as an id, and their name is read from the people feature, so an erased issuer shows as erased.
 */
export async function reportsIssuedBy(ctx: Ctx, personId: ObjectId) {
  const rows = await ctx.c.issuedReports
    .find({ issuedById: personId }, { projection: { sections: 0, publicSections: 0 } })
    .sort({ _id: 1 })
    .toArray();
  return rows.map((r) => ({
    reportId: r._id.toHexString(),
    agreementId: r.agreementId.toHexString(),
    tableId: r.tableId?.toHexString() ?? null,
    preset: r.preset,
    period: r.period,
    issuedAt: r.issuedAt.toISOString(),
  }));
}
