import type { Db } from "mongodb";
import { ensureActionItemsIndexes } from "../action-items/indexes.ts";
import { ensureAgreementsIndexes } from "../agreements/indexes.ts";
import { ensureAttachmentsIndexes } from "../attachments/indexes.ts";
import { ensureAttendanceIndexes } from "../attendance/indexes.ts";
import { ensureAuditIndexes } from "../audit/indexes.ts";
import { ensureAuthIndexes } from "../auth/indexes.ts";
import { ensureCalendarIndexes } from "../calendar/indexes.ts";
import { ensureChatIndexes } from "../chat/index.ts";
import { ensureContributionsIndexes } from "../contributions/indexes.ts";
import { ensureDeadlinesIndexes } from "../deadlines/indexes.ts";
import { ensureDesignationsIndexes } from "../designations/indexes.ts";
import { ensureDispatchIndexes } from "../dispatch/indexes.ts";
import { ensureIdempotencyIndexes } from "../idempotency/indexes.ts";
import { ensureIssueReportsIndexes } from "../issue-reports/indexes.ts";
import { ensureMeetingsIndexes } from "../meetings/indexes.ts";
import { ensureMembershipsIndexes } from "../memberships/indexes.ts";
import { ensureMinutesIndexes } from "../minutes/indexes.ts";
import { ensureOrganisationsIndexes } from "../organisations/indexes.ts";
import { ensurePeopleIndexes } from "../people/indexes.ts";
import { ensureProposalsIndexes } from "../proposals/indexes.ts";
import { ensurePushIndexes } from "../push/indexes.ts";
import { ensureRemindersIndexes } from "../reminders/indexes.ts";
import { ensureReportsIndexes } from "../reports/indexes.ts";
import { ensureRsvpsIndexes } from "../rsvps/indexes.ts";
import { ensureServicesIndexes } from "../services/indexes.ts";
import { ensureTablesIndexes } from "../tables/indexes.ts";
import { ensureWorkPlansIndexes } from "../work-plans/indexes.ts";

/**
 * Creates every feature's indexes at start-up (idempotent); each feature declares its own in its
 * `indexes.ts`. Unique where the domain says "one". No partial or TTL indexes (the embedded engine
 * accepts and ignores them; db/portable.test.ts refuses them): optional unique fields use `sparse`,
 * and expiry is stored and checked in queries.
 */
export async function ensureIndexes(db: Db): Promise<void> {
  await Promise.all([
    ensureAgreementsIndexes(db),
    ensureOrganisationsIndexes(db),
    ensureMembershipsIndexes(db),
    ensureTablesIndexes(db),
    ensurePeopleIndexes(db),
    ensureDesignationsIndexes(db),
    ensureAuditIndexes(db),
    ensureAuthIndexes(db),
    ensureMeetingsIndexes(db),
    ensureRsvpsIndexes(db),
    ensureAttendanceIndexes(db),
    ensureCalendarIndexes(db),
    ensureContributionsIndexes(db),
    ensureIssueReportsIndexes(db),
    ensureReportsIndexes(db),
    ensureMinutesIndexes(db),
    ensurePushIndexes(db),
    ensureRemindersIndexes(db),
    ensureDispatchIndexes(db),
    ensureIdempotencyIndexes(db),
    ensureAttachmentsIndexes(db),
    ensureWorkPlansIndexes(db),
    ensureDeadlinesIndexes(db),
    ensureServicesIndexes(db),
    ensureActionItemsIndexes(db),
    ensureProposalsIndexes(db),
  ]);
  // Chat accounts and table channels; the bot's own Slack state is indexed by the bot (main.ts composes).
  await ensureChatIndexes(db);
}
