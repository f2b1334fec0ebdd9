import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { withLock } from "../shared/lock.ts";

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
 * Erasure: replaces the person's name where reports keep it (who raised, who triaged); the reports,
 * which are the organisations' acts, stay. One report at a time under its triage lock, since FerretDB
 * rewrites whole documents and a concurrent triage would otherwise bring the old name back.
 */
export async function eraseNameFromIssueReports(ctx: Ctx, personId: ObjectId, erasedName: string) {
  const touched = await ctx.c.issueReports
    .find({ $or: [{ raisedById: personId }, { "history.byId": personId }] }, { projection: { _id: 1 } })
    .toArray();
  for (const { _id } of touched) {
    await withLock(ctx, `issue-report:${_id.toHexString()}`, async () => {
      const report = await ctx.c.issueReports.findOne({ _id });
      if (!report) return;
      const history = report.history.map((h) => (h.byId.equals(personId) ? { ...h, byName: erasedName } : h));
      const raisedByName = report.raisedById.equals(personId) ? erasedName : report.raisedByName;
      await ctx.c.issueReports.updateOne({ _id }, { $set: { history, raisedByName } });
    });
  }
}
