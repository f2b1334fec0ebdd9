import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";

/** The reports a person raised, for their GDPR export: their own words, whatever the confidentiality. */
export async function issueReportsRaisedBy(ctx: Ctx, personId: ObjectId) {
  const reports = await ctx.c.issueReports.find({ raisedById: personId }).sort({ _id: 1 }).toArray();
  return reports.map((r) => ({
    id: r._id.toHexString(),
    tableId: r.tableId.toHexString(),
    organisationId: r.organisationId.toHexString(),
    meetingId: r.meetingId?.toHexString() ?? null,
    seq: r.seq,
    title: r.title,
    description: r.description,
    severity: r.severity,
    confidential: r.confidential,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
  }));
}

/**
 * Erasure: replaces the person's name where reports keep it (who raised, triaged, commented, follows
 * an escalation); the comments' texts, like the reports,
 * which are the organisations' acts, stay. Each is one in-place update per document (atomic on
 * MongoDB), so a concurrent triage appending to the history cannot bring the old name back.
 */
export async function eraseNameFromIssueReports(ctx: Ctx, personId: ObjectId, erasedName: string) {
  await ctx.c.issueReports.updateMany({ raisedById: personId }, { $set: { raisedByName: erasedName } });
  await ctx.c.issueReports.updateMany(
    { "history.byId": personId },
    { $set: { "history.$[mine].byName": erasedName } },
    { arrayFilters: [{ "mine.byId": personId }] },
  );
  await ctx.c.issueReports.updateMany(
    { "comments.byId": personId },
    { $set: { "comments.$[mine].byName": erasedName } },
    { arrayFilters: [{ "mine.byId": personId }] },
  );
  await ctx.c.issueReports.updateMany(
    { "escalation.assigneeId": personId },
    { $set: { "escalation.assigneeName": erasedName } },
  );
}
