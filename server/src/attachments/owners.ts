import type { ObjectId } from "mongodb";
import { loadVisibleContribution } from "../contributions/queries.ts";
import { loadIssueReport, requireVisible } from "../issue-reports/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { requireActor } from "../shared/policy.ts";
import { getTable } from "../tables/queries.ts";
import type { AttachmentContentType, AttachmentOwnerKind } from "./documents.ts";
import { ALL_TYPES, IMAGE_AND_PDF_TYPES } from "./file-type.ts";

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

/**
 * Who may add a file to a contribution: its author, a referent of its organisation, a coordinator of
 * its table, or an installation admin; 404 for a confidential one outside the table, 409 once withdrawn.
 */
async function mayAddToContribution(ctx: Ctx, id: ObjectId): Promise<OwnerPlace> {
  const actor = requireActor(ctx);
  const contribution = await loadVisibleContribution(ctx, id);
  const allowed =
    actor.isInstallationAdmin ||
    contribution.authorId.equals(actor.personId) ||
    actor.referentFor.includes(contribution.organisationId.toHexString()) ||
    actor.coordinatorOf.includes(contribution.tableId.toHexString());
  if (!allowed) throw new AppError("forbidden", { reason: "not_author_referent_or_coordinator" });
  if (contribution.withdrawnAt) throw new AppError("contribution_withdrawn", { id: id.toHexString() });
  return { tableId: contribution.tableId, agreementId: contribution.agreementId };
}

/** Whoever may read the contribution may read its files (404 otherwise, as for the contribution). */
async function mayReadContribution(ctx: Ctx, id: ObjectId): Promise<void> {
  await loadVisibleContribution(ctx, id);
}

type Owner = {
  mayAdd(ctx: Ctx, id: ObjectId): Promise<OwnerPlace>;
  mayRead(ctx: Ctx, id: ObjectId): Promise<void>;
  /** The types its files may be: a report's photos and PDFs; a contribution's documents and datasets too. */
  accepts: readonly AttachmentContentType[];
};

/** Each kind of owner's access rules, the owner's own: a file is as readable as what it is attached to. */
export const OWNERS: Record<AttachmentOwnerKind, Owner> = {
  issue_report: { mayAdd: mayAddToIssueReport, mayRead: mayReadIssueReport, accepts: IMAGE_AND_PDF_TYPES },
  contribution: { mayAdd: mayAddToContribution, mayRead: mayReadContribution, accepts: ALL_TYPES },
};
