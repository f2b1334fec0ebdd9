import { ObjectId } from "mongodb";
import { insertOnce } from "../idempotency/index.ts";
import type { Ctx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import { requireActor } from "../shared/policy.ts";
import { recordChange, recordChangeOnce } from "../shared/record.ts";
import type { IssuedReportDoc } from "./documents.ts";
import { halfOf } from "./model.ts";
import { type PeriodQuery, resolvePeriod } from "./period.ts";
import { audienceOf, loadScope, requireReportIssuer, type ScopeRef } from "./rules.ts";
import { computeSections } from "./sections.ts";

/** The end of the scope's latest issued report (for `sal`: the next one starts the day after). */
export async function previousEnd(ctx: Ctx, agreementId: ObjectId, tableId: ObjectId | null) {
  const last = await ctx.c.issuedReports
    .find({ agreementId, tableId }, { projection: { period: 1 } })
    .sort({ "period.to": -1 })
    .limit(1)
    .next();
  return last?.period.to ?? null;
}

/**
 * Issues (freezes) a report: a table's coordinators or the agreement's admins for a table, the
 * agreement's admins for the whole agreement. Stores the sections as computed now for the issuer's
 * audience, and again for an audience that sees no confidential material (what readers who could not
 * see all of the issuer's tables get). Emits `report.issued` (ids, preset, period, counts only).
 */
export async function issueReport({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { ref: ScopeRef; query: PeriodQuery; idempotencyKey?: string | null };
}): Promise<IssuedReportDoc> {
  const actor = requireActor(ctx);
  const { scope, agreement } = await loadScope(ctx, input.ref);
  requireReportIssuer(ctx, scope);
  const now = ctx.now();
  const { preset, period } = resolvePeriod(input.query, {
    today: romeDate(now),
    previousEnd: await previousEnd(ctx, scope.agreementId, scope.tableId),
    signedOn: agreement.signedOn,
  });
  const audience = await audienceOf(ctx, scope.tables);
  const [sections, publicSections] = await Promise.all([
    computeSections(ctx, scope, period, audience),
    audience.confidentialTableIds.size
      ? computeSections(ctx, scope, period, { confidentialTableIds: new Set() })
      : null,
  ]);
  const doc: IssuedReportDoc = {
    _id: new ObjectId(),
    agreementId: scope.agreementId,
    tableId: scope.tableId,
    tableIds: scope.tables.map((t) => t._id.toHexString()),
    preset,
    period,
    half: preset === "semestrale" ? halfOf(period) : null,
    issuedAt: now,
    issuedById: actor.personId,
    audience: { confidentialTableIds: [...audience.confidentialTableIds].sort() },
    sections,
    publicSections: publicSections ?? sections,
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  };
  const { doc: stored, created } = await insertOnce(ctx.c.issuedReports, doc);
  await (created ? recordChange : recordChangeOnce)(ctx, {
    action: "report.issued",
    entity: "report",
    entityId: stored._id,
    agreementId: stored.agreementId,
    before: null,
    // The audit keeps what identifies the report, not its content (which may be confidential).
    after: {
      tableId: stored.tableId,
      preset: stored.preset,
      period: stored.period,
      confidentialTableIds: stored.audience.confidentialTableIds,
      sections: stored.sections.map((s) => s.key),
    },
    event: {
      type: "report.issued",
      payload: {
        reportId: stored._id.toHexString(),
        agreementId: stored.agreementId.toHexString(),
        tableId: stored.tableId?.toHexString() ?? null,
        preset: stored.preset,
        from: stored.period.from,
        to: stored.period.to,
        sections: stored.sections.length,
      },
    },
  });
  return stored;
}
