import type { Db } from "mongodb";
import { ensureChatIndexes } from "../chat/index.ts";
import { collections } from "./collections.ts";

/**
 * Indexes created at start-up (idempotent). Unique where the domain says "one". No partial or TTL
 * indexes (the embedded engine accepts and ignores them; db/portable.test.ts refuses them): optional
 * unique fields use `sparse`, and expiry is stored and checked in queries.
 */
export async function ensureIndexes(db: Db): Promise<void> {
  const c = collections(db);
  await Promise.all([
    c.agreements.createIndex({ slug: 1 }, { unique: true }),
    c.organisations.createIndex({ key: 1 }, { unique: true }),
    c.organisations.createIndex({ name: 1 }),
    c.memberships.createIndex({ agreementId: 1, organisationId: 1, seq: 1 }, { unique: true }),
    c.memberships.createIndex({ organisationId: 1 }),
    c.tables.createIndex({ agreementId: 1, name: 1 }, { unique: true }),
    c.people.createIndex({ email: 1 }, { unique: true }),
    c.designations.createIndex({ tableId: 1, organisationId: 1, personId: 1, from: 1 }, { unique: true }),
    c.designations.createIndex({ personId: 1 }),
    c.designations.createIndex({ organisationId: 1 }),
    c.agreementAdmins.createIndex({ agreementId: 1, personId: 1 }, { unique: true }),
    c.agreementAdmins.createIndex({ personId: 1 }),
    c.audit.createIndex({ entityId: 1, at: -1 }),
    c.audit.createIndex({ agreementId: 1, _id: -1 }),
    // Decides between concurrent writers of one stream, so its numbers have no gaps (see recordChange).
    c.audit.createIndex({ stream: 1, seq: 1 }, { unique: true }),
    // The dispatcher's read: events of a type in stored order.
    c.audit.createIndex({ type: 1, _id: 1 }),
    c.loginLinks.createIndex({ tokenHash: 1 }, { unique: true }),
    c.sessions.createIndex({ idHash: 1 }, { unique: true }),
    c.apiTokens.createIndex({ tokenHash: 1 }, { unique: true }),
    c.apiTokens.createIndex({ personId: 1 }),
    c.rateBuckets.createIndex({ key: 1 }, { unique: true }),
    c.meetings.createIndex({ tableId: 1, startsAt: 1 }),
    c.meetings.createIndex({ seriesId: 1 }),
    c.rsvps.createIndex({ meetingId: 1, personId: 1 }, { unique: true }),
    c.rsvps.createIndex({ delegateId: 1 }),
    c.attendance.createIndex({ meetingId: 1, personId: 1 }, { unique: true }),
    c.attendance.createIndex({ organisationId: 1 }),
    c.calendarFeeds.createIndex({ tokenHash: 1 }, { unique: true }),
    c.calendarFeeds.createIndex({ personId: 1 }),
    c.contributions.createIndex({ tableId: 1, _id: -1 }),
    c.contributions.createIndex({ authorId: 1 }),
    c.issueReports.createIndex({ tableId: 1, seq: 1 }, { unique: true }),
    c.issueReports.createIndex({ raisedById: 1 }),
    c.minutes.createIndex({ meetingId: 1 }, { unique: true }),
  ]);
  // Chat accounts and table channels; the bot's own Slack state is indexed by the bot (main.ts composes).
  await ensureChatIndexes(db);
}
