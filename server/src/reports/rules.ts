import { ObjectId } from "mongodb";
import type { AgreementDoc } from "../agreements/documents.ts";
import { getAgreement } from "../agreements/queries.ts";
import { isOrganiser } from "../meetings/access.ts";
import { membershipsOfOrganisations } from "../memberships/queries.ts";
import { membershipStatus } from "../memberships/status.ts";
import type { Ctx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import { AppError } from "../shared/errors.ts";
import { isAgreementAdmin, requireActor } from "../shared/policy.ts";
import type { TableDoc } from "../tables/documents.ts";
import { getTable, tablesOfAgreements } from "../tables/queries.ts";
import { canSeeConfidential } from "../tables/visibility.ts";
import type { ReportAudience, ReportScope } from "./section.ts";

export type ScopeRef = { agreementId: ObjectId } | { tableId: ObjectId };

/** The agreement (and table) a report is about, with the tables in scope; 404 when either does not exist. */
export async function loadScope(
  ctx: Ctx,
  ref: ScopeRef,
): Promise<{ scope: ReportScope; agreement: AgreementDoc; table: TableDoc | null }> {
  if ("tableId" in ref) {
    const table = await getTable({ ctx, input: { id: ref.tableId } });
    const agreement = await getAgreement({ ctx, input: { id: table.agreementId } });
    return { scope: { agreementId: agreement._id, tableId: table._id, tables: [table] }, agreement, table };
  }
  const agreement = await getAgreement({ ctx, input: { id: ref.agreementId } });
  const tables = (await tablesOfAgreements(ctx, [agreement._id])).sort((a, b) =>
    a.name.localeCompare(b.name, "it"),
  );
  return { scope: { agreementId: agreement._id, tableId: null, tables }, agreement, table: null };
}

/**
 * Who may read an agreement's reports (live or issued, of the agreement or of one of its tables):
 * installation and agreement admins, the coordinators of any of its tables, and the referents of its
 * member organisations (membership not withdrawn today). Anybody else: 403. Confidential content is
 * a further matter (`audienceOf`).
 */
export async function requireReportReader(ctx: Ctx, agreementId: ObjectId): Promise<void> {
  const actor = requireActor(ctx);
  if (isAgreementAdmin(actor, agreementId)) return;
  if (actor.coordinatorOf.length) {
    const tables = await tablesOfAgreements(ctx, [agreementId]);
    if (tables.some((t) => actor.coordinatorOf.includes(t._id.toHexString()))) return;
  }
  if (actor.referentFor.length) {
    const today = romeDate(ctx.now());
    const memberships = await membershipsOfOrganisations(
      ctx,
      actor.referentFor.map((hex) => new ObjectId(hex)),
    );
    if (
      memberships.some((m) => m.agreementId.equals(agreementId) && membershipStatus(m, today) !== "withdrawn")
    )
      return;
  }
  throw new AppError("forbidden", { requiredRole: "agreement_member" });
}

/** Issuing freezes a report: a table's coordinators (or its agreement's admins); an agreement's, its admins. */
export function requireReportIssuer(ctx: Ctx, scope: ReportScope): void {
  const actor = requireActor(ctx);
  const table = scope.tableId ? scope.tables[0] : null;
  if (table ? isOrganiser(actor, table) : isAgreementAdmin(actor, scope.agreementId)) return;
  throw new AppError("forbidden", { requiredRole: table ? "table_coordinator" : "agreement_admin" });
}

/** The tables in scope whose confidential material the acting person may see (DOMAIN rule 10). */
export async function audienceOf(ctx: Ctx, tables: TableDoc[]): Promise<ReportAudience> {
  const seen = await Promise.all(
    tables.map(async (t) => ((await canSeeConfidential(ctx, t)) ? [t._id.toHexString()] : [])),
  );
  return { confidentialTableIds: new Set(seen.flat()) };
}
