import { ObjectId } from "mongodb";
import { exportActionItemsOf } from "../action-items/personal-data.ts";
import { exportAttachmentsOf } from "../attachments/index.ts";
import { exportAttendanceOf } from "../attendance/personal-data.ts";
import { exportAuditEntriesOf } from "../audit/personal-data.ts";
import { exportApiTokensOf, exportSessionsOf } from "../auth/index.ts";
import { exportCalendarFeedsOf } from "../calendar/personal-data.ts";
import { exportContributionsOf } from "../contributions/index.ts";
import { exportDesignationsOf } from "../designations/index.ts";
import { issueReportsRaisedBy } from "../issue-reports/personal-data.ts";
import { minutesAuthoredBy } from "../minutes/personal-data.ts";
import { exportPushSubscriptionsOf } from "../push/personal-data.ts";
import { exportReminderPreferencesOf, exportRemindersSentTo } from "../reminders/index.ts";
import { reportsIssuedBy } from "../reports/personal-data.ts";
import { exportRsvpsOf } from "../rsvps/index.ts";
import type { Ctx } from "../shared/context.ts";
import { requireActor } from "../shared/policy.ts";
import { presentMe } from "./present.ts";
import { getMe } from "./queries.ts";

/**
 * Everything the installation holds about the acting person (GDPR art. 15 and 20), and nothing about
 * anyone else: audit entries keep their before/after only when they describe this person's own record;
 * entries about their designations (listed in full under `designations`) keep the designation id; entries
 * about other records the person touched (e.g. a colleague they registered) keep only what and when.
 * Actors' names are never included.
 */
export async function exportMyData({ ctx }: { ctx: Ctx }) {
  const actor = requireActor(ctx);
  const person = await getMe({ ctx });
  const me = person._id;
  const [designations, apiTokens, sessions, rsvps, attendance, calendarFeeds, pushSubscriptions] =
    await Promise.all([
      exportDesignationsOf(ctx, me),
      exportApiTokensOf(ctx, me),
      exportSessionsOf(ctx, me),
      exportRsvpsOf(ctx, me),
      exportAttendanceOf(ctx, me),
      exportCalendarFeedsOf(ctx, me),
      exportPushSubscriptionsOf(ctx, me),
    ]);
  const reminderPreferences = await exportReminderPreferencesOf(ctx, me);
  const remindersSent = await exportRemindersSentTo(ctx, me);
  const contributions = await exportContributionsOf(ctx, me);
  const issueReports = await issueReportsRaisedBy(ctx, me);
  const attachments = await exportAttachmentsOf(ctx, me);
  const minutes = await minutesAuthoredBy(ctx, me);
  const actionItems = await exportActionItemsOf(ctx, me);
  const reports = await reportsIssuedBy(ctx, me);
  const designationIds = designations.map((d) => ObjectId.createFromHexString(d.id));
  const auditEntries = await exportAuditEntriesOf(ctx, me, designationIds);
  return {
    exportedAt: ctx.now().toISOString(),
    person: presentMe(person, actor),
    designations,
    apiTokens,
    sessions,
    rsvps,
    attendance,
    calendarFeeds,
    pushSubscriptions,
    reminderPreferences,
    remindersSent,
    // What the person wrote, confidential ones included: they are the author.
    contributions,
    // Critical issues the person raised, confidential ones included: they are the author.
    issueReports,
    // Files the person attached: which, to what, when (the bytes are downloadable where they may read them).
    attachments,
    // Minutes the person wrote or approved: which and when (the content is the table's record).
    minutes,
    // Action items assigned to the person (their text) or closed by them (which and when).
    actionItems,
    // Periodic reports the person issued: which and when (the content is the agreement's record).
    reports,
    auditEntries,
  };
}
