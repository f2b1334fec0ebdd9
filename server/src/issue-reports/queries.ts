import type { ObjectId } from "mongodb";
import { organisationNames } from "../organisations/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { paginate } from "../shared/pagination.ts";
import { requireActor } from "../shared/policy.ts";
import type { TableDoc } from "../tables/documents.ts";
import { getTable } from "../tables/queries.ts";
import { canSeeConfidential } from "../tables/visibility.ts";
import type { IssueReportDoc, IssueStatus } from "./documents.ts";
import { escalatedTo, isSteeringMember } from "./escalation.ts";
import { type IssueReportView, presentIssueReport } from "./present.ts";

/** Finds a report or throws not_found. */
export async function loadIssueReport(ctx: Ctx, id: ObjectId): Promise<IssueReportDoc> {
  const doc = await ctx.c.issueReports.findOne({ _id: id });
  if (!doc) throw new AppError("not_found", { entity: "issue_report", id: id.toHexString() });
  return doc;
}

/**
 * DOMAIN rule 10: the table's members (referents of organisations sitting on it today, coordinators,
 * agreement and installation admins) see every report; anyone else logged in sees the non-confidential
 * ones only, and a confidential one is "not found" to them, so its existence does not leak either.
 */
export async function requireVisible(ctx: Ctx, report: IssueReportDoc, table: TableDoc): Promise<boolean> {
  const member = await canSeeConfidential(ctx, table);
  if (report.confidential && !member)
    throw new AppError("not_found", { entity: "issue_report", id: report._id.toHexString() });
  return member;
}

/**
 * How the acting person reads a report: the table's members see all of it; once escalated, the steering
 * body's members see it too with names, but a confidential one redacted (no title, text, notes or
 * comment texts: DOMAIN rule 10 keeps them inside the table); anyone else sees a public report without
 * names, and a confidential one is not found.
 */
export async function readerOf(
  ctx: Ctx,
  report: IssueReportDoc,
  table: TableDoc,
): Promise<{ member: boolean; redacted: boolean }> {
  if (await canSeeConfidential(ctx, table)) return { member: true, redacted: false };
  const steering = await escalatedTo(ctx, report);
  const steeringMember = steering ? await isSteeringMember(ctx, steering) : false;
  if (report.confidential && !steeringMember)
    throw new AppError("not_found", { entity: "issue_report", id: report._id.toHexString() });
  return { member: steeringMember, redacted: report.confidential };
}

/** One report, as the acting person may see it (logged-in people). */
export async function getIssueReport({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: ObjectId };
}): Promise<IssueReportView> {
  requireActor(ctx);
  const report = await loadIssueReport(ctx, input.id);
  const table = await getTable({ ctx, input: { id: report.tableId } });
  const reader = await readerOf(ctx, report, table);
  const names = await organisationNames(ctx, [report.organisationId]);
  const organisationName = names.get(report.organisationId.toHexString()) ?? null;
  return presentIssueReport(report, { ...reader, organisationName, now: ctx.now() });
}

/** The table's reports, newest first, optionally by status; confidential ones only for the table's members. */
export async function listTableIssueReports({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tableId: ObjectId; status?: IssueStatus; serviceId?: ObjectId; cursor?: string; limit?: number };
}): Promise<{ items: IssueReportView[]; nextCursor: string | null }> {
  requireActor(ctx);
  const table = await getTable({ ctx, input: { id: input.tableId } });
  const member = await canSeeConfidential(ctx, table);
  const filter = {
    tableId: table._id,
    ...(input.status ? { status: input.status } : {}),
    ...(input.serviceId ? { serviceId: input.serviceId } : {}),
    ...(member ? {} : { confidential: false }),
  };
  const page = await paginate(
    ctx.c.issueReports,
    filter,
    { cursor: input.cursor, limit: Math.min(Math.max(Math.trunc(input.limit ?? 50), 1), 200) },
    "newest_first",
  );
  const names = await organisationNames(
    ctx,
    page.items.map((r) => r.organisationId),
  );
  const items = page.items.map((report) =>
    presentIssueReport(report, {
      member,
      organisationName: names.get(report.organisationId.toHexString()) ?? null,
      now: ctx.now(),
    }),
  );
  return { items, nextCursor: page.nextCursor };
}
