import type { Db } from "mongodb";
import { actionItemCollections } from "../action-items/documents.ts";
import { agreementCollections } from "../agreements/documents.ts";
import { attachmentCollections } from "../attachments/documents.ts";
import { attendanceCollections } from "../attendance/documents.ts";
import { auditCollections } from "../audit/documents.ts";
import { authCollections } from "../auth/documents.ts";
import { calendarCollections } from "../calendar/documents.ts";
import { contributionCollections } from "../contributions/documents.ts";
import { deadlineCollections } from "../deadlines/documents.ts";
import { designationCollections } from "../designations/documents.ts";
import { dispatchCollections } from "../dispatch/documents.ts";
import { idempotencyCollections } from "../idempotency/documents.ts";
import { issueReportCollections } from "../issue-reports/documents.ts";
import { meetingCollections } from "../meetings/documents.ts";
import { membershipCollections } from "../memberships/documents.ts";
import { minutesCollections } from "../minutes/documents.ts";
import { notificationCollections } from "../notifications/documents.ts";
import { organisationCollections } from "../organisations/documents.ts";
import { peopleCollections } from "../people/documents.ts";
import { proposalCollections } from "../proposals/documents.ts";
import { pushCollections } from "../push/documents.ts";
import { reminderCollections } from "../reminders/documents.ts";
import { reportCollections } from "../reports/documents.ts";
import { rsvpActionCollections } from "../rsvp-actions/documents.ts";
import { rsvpCollections } from "../rsvps/documents.ts";
import { serviceCollections } from "../services/documents.ts";
import { tableCollections } from "../tables/documents.ts";
import { workPlanCollections } from "../work-plans/documents.ts";
import { sharedCollections } from "./documents.ts";

/**
 * Every feature's collection handles in one map (`ctx.c`). Each feature declares its documents and
 * spells its collection names in its own `documents.ts`; this only composes them.
 */
export function collections(db: Db) {
  return {
    ...agreementCollections(db),
    ...organisationCollections(db),
    ...membershipCollections(db),
    ...tableCollections(db),
    ...peopleCollections(db),
    ...designationCollections(db),
    ...auditCollections(db),
    ...authCollections(db),
    ...sharedCollections(db),
    ...meetingCollections(db),
    ...rsvpCollections(db),
    ...rsvpActionCollections(db),
    ...attendanceCollections(db),
    ...calendarCollections(db),
    ...contributionCollections(db),
    ...minutesCollections(db),
    ...reminderCollections(db),
    ...pushCollections(db),
    ...issueReportCollections(db),
    ...dispatchCollections(db),
    ...notificationCollections(db),
    ...idempotencyCollections(db),
    ...attachmentCollections(db),
    ...workPlanCollections(db),
    ...deadlineCollections(db),
    ...serviceCollections(db),
    ...actionItemCollections(db),
    ...proposalCollections(db),
    ...reportCollections(db),
  };
}

export type Collections = ReturnType<typeof collections>;
