import type { ObjectId } from "mongodb";
import { personNames } from "../people/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import { AppError } from "../shared/errors.ts";
import { requireActor } from "../shared/policy.ts";
import type { IssuedReportDoc } from "./documents.ts";
import { previousEnd } from "./issue.ts";
import { buildReport, type Report } from "./model.ts";
import { type PeriodQuery, resolvePeriod } from "./period.ts";
import { audienceOf, loadScope, requireReportReader, type ScopeRef } from "./rules.ts";
import { computeSections } from "./sections.ts";

/**
 * The report computed now for the scope and period, as the acting person may read it: agreement
 * members' referents, coordinators and admins (`requireReportReader`), with confidential content only
 * of the tables they may see.
 */
export async function liveReport({ ctx, input }: { ctx: Ctx; input: { ref: ScopeRef; query: PeriodQuery } }) {
  requireActor(ctx);
  const { scope, agreement, table } = await loadScope(ctx, input.ref);
  await requireReportReader(ctx, scope.agreementId);
  const now = ctx.now();
  const { preset, period } = resolvePeriod(input.query, {
    today: romeDate(now),
    previousEnd: await previousEnd(ctx, scope.agreementId, scope.tableId),
    signedOn: agreement.signedOn,
  });
  const audience = await audienceOf(ctx, scope.tables);
  const sections = await computeSections(ctx, scope, period, audience);
  return buildReport({
    id: null,
    agreement,
    table,
    preset,
    period,
    generatedAt: now,
    issued: null,
    confidentialTableIds: [...audience.confidentialTableIds],
    sections,
  });
}

/**
 * An issued report as the acting person may read it. The frozen sections were computed for the
 * issuer's audience: a reader who may see the confidential material of every one of those tables gets
 * them; any other reader gets the copy frozen without confidential content (never a recomputation, so
 * the figures of an issued report never change).
 */
async function present(ctx: Ctx, doc: IssuedReportDoc): Promise<Report> {
  const { scope, agreement, table } = await loadScope(
    ctx,
    doc.tableId ? { tableId: doc.tableId } : { agreementId: doc.agreementId },
  );
  const audience = await audienceOf(ctx, scope.tables);
  const full = doc.audience.confidentialTableIds.every((id) => audience.confidentialTableIds.has(id));
  const names = await personNames(ctx, [doc.issuedById]);
  return buildReport({
    id: doc._id.toHexString(),
    agreement,
    table,
    preset: doc.preset,
    period: doc.period,
    generatedAt: doc.issuedAt,
    issued: {
      at: doc.issuedAt,
      by: { id: doc.issuedById.toHexString(), name: names.get(doc.issuedById.toHexString()) ?? null },
    },
    confidentialTableIds: full ? doc.audience.confidentialTableIds : [],
    sections: full ? doc.sections : doc.publicSections,
  });
}

/** One issued report (same readers as the live one; 404 when it does not exist). */
export async function getIssuedReport({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: ObjectId };
}): Promise<Report> {
  requireActor(ctx);
  const doc = await ctx.c.issuedReports.findOne({ _id: input.id });
  if (!doc) throw new AppError("not_found", { entity: "report", id: input.id.toHexString() });
  await requireReportReader(ctx, doc.agreementId);
  return present(ctx, doc);
}

/** A newly issued report as its issuer reads it. */
export function presentIssued(ctx: Ctx, doc: IssuedReportDoc): Promise<Report> {
  return present(ctx, doc);
}

/**
 * The reports issued for the scope, newest first, without their sections: an agreement's own reports
 * (`tableId` null) or one table's.
 */
export async function listIssuedReports({ ctx, input }: { ctx: Ctx; input: { ref: ScopeRef } }) {
  requireActor(ctx);
  const { scope, agreement, table } = await loadScope(ctx, input.ref);
  await requireReportReader(ctx, scope.agreementId);
  const docs = await ctx.c.issuedReports
    .find(
      { agreementId: scope.agreementId, tableId: scope.tableId },
      { projection: { sections: 0, publicSections: 0 } },
    )
    .sort({ issuedAt: -1, _id: -1 })
    .limit(200)
    .toArray();
  const names = await personNames(
    ctx,
    docs.map((d) => d.issuedById),
  );
  return {
    items: docs.map((d) => {
      const report = buildReport({
        id: d._id.toHexString(),
        agreement,
        table,
        preset: d.preset,
        period: d.period,
        generatedAt: d.issuedAt,
        issued: {
          at: d.issuedAt,
          by: { id: d.issuedById.toHexString(), name: names.get(d.issuedById.toHexString()) ?? null },
        },
        confidentialTableIds: [],
        sections: [],
      });
      const { sections: _, confidentialTableIds: __, ...summary } = report;
      return summary;
    }),
  };
}
