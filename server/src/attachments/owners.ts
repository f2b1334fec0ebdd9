import type { ObjectId } from "mongodb";
import { loadIssueReport, requireVisible } from "../issue-reports/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { requireActor } from "../shared/policy.ts";
import { getTable } from "../tables/queries.ts";
import type { AttachmentOwnerKind } from "./documents.ts";

/** Where a file of an owner belongs: its table and agreement (for the audit and the event). */
export type OwnerPlace = { tableId: ObjectId; agreementId: ObjectId };

/**
 * Who may add a file to an issue report: its author, a referent of its organisation, a coordinator
 * of its table, or an installation admin (who may raise reports for any organisation). Others: 403,
 * or 404 for a confidential report they may not even see.
 */
async function mayAddToIssueReport(ctx: Ctx, id: ObjectId): Promise<OwnerPlace> {
  const actor = requireActor(ctx);
  const report = await loadIssueReport(ctx, id);
  const table = await getTable({ ctx, input: { id: report.tableId } });
  await requireVisible(ctx, report, table);
  const allowed =
    actor.isInstallationAdmin ||
    report.raisedById.equals(actor.personId) ||
    actor.referentFor.includes(report.organisationId.toHexString()) ||
    actor.coordinatorOf.includes(report.tableId.toHexString());
  if (!allowed) throw new AppError("forbidden", { reason: "not_author_referent_or_coordinator" });
  return { tableId: report.tableId, agreementId: report.agreementId };
}

/** Whoever may read the issue report may read its files (404 otherwise, as for the report). */
async function mayReadIssueReport(ctx: Ctx, id: ObjectId): Promise<void> {
  requireActor(ctx);
  const report = await loadIssueReport(ctx, id);
  const table = await getTable({ ctx, input: { id: report.tableId } });
  await requireVisible(ctx, report, table);
}

/** Each kind of owner's access rules, the owner's own: a file is as readable as what it is attached to. */
export const OWNERS: Record<
  AttachmentOwnerKind,
  { mayAdd(ctx: Ctx, id: ObjectId): Promise<OwnerPlace>; mayRead(ctx: Ctx, id: ObjectId): Promise<void> }
> = {
  issue_report: { mayAdd: mayAddToIssueReport, mayRead: mayReadIssueReport },
};
