import type { Db } from "mongodb";
import { issueReportCollections } from "./documents.ts";

/** The issue-reports feature's indexes (idempotent; db/indexes.ts runs it and says what an index may not be). */
export async function ensureIssueReportsIndexes(db: Db): Promise<void> {
  const c = issueReportCollections(db);
  await Promise.all([
    c.issueReports.createIndex({ tableId: 1, seq: 1 }, { unique: true }),
    c.issueReports.createIndex({ raisedById: 1 }),
    c.issueReports.createIndex({ "escalation.steeringTableId": 1 }),
    c.issueReports.createIndex({ serviceId: 1 }),
    // Sparse, not partial (the embedded engine ignores partial indexes): reports without a key are left out.
    c.issueReports.createIndex({ idempotencyKey: 1 }, { unique: true, sparse: true }),
  ]);
}
