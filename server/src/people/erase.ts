import type { ObjectId } from "mongodb";
import { eraseAgreementAdminRolesOf } from "../agreements/personal-data.ts";
import { eraseActorNameFromAudit, eraseValuesFromAudit } from "../audit/personal-data.ts";
import { eraseLoginLinksOf, eraseSessionsOf, revokeApiTokensOf } from "../auth/index.ts";
import { eraseCalendarFeedsOf } from "../calendar/personal-data.ts";
import { eraseChatAccountsOf } from "../chat/index.ts";
import { eraseAuthorNameFromContributions } from "../contributions/index.ts";
import { eraseDesignationsOf } from "../designations/index.ts";
import { eraseIdempotencyRecordsOf } from "../idempotency/index.ts";
import { eraseNameFromIssueReports } from "../issue-reports/personal-data.ts";
import { eraseFromMinutes } from "../minutes/personal-data.ts";
import { erasePushSubscriptionsOf } from "../push/personal-data.ts";
import { eraseReminderOccurrencesOf, eraseReminderPreferencesOf } from "../reminders/index.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { requireActor } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import { eraseFromTableCoordinators } from "../tables/index.ts";
import { eraseNameFromWorkPlans } from "../work-plans/index.ts";

/** What an erased person's name becomes everywhere it was shown. */
export const ERASED_NAME = "Persona rimossa";

/**
 * DOMAIN rule 11, right to erasure: the person's identifying data go, the organisations' acts stay.
 * Name and email are replaced, access (sessions, tokens, login links, Slack links) is removed and the
 * record marked erased so no credential acts for it, designations in force end yesterday so the seat is
 * visibly vacant, and audit entries keep the fact of each change but lose the personal values. Allowed to
 * the person themself and to installation admins.
 */
export async function erasePerson({ ctx, input }: { ctx: Ctx; input: { id: ObjectId } }) {
  const actor = requireActor(ctx);
  if (!actor.personId.equals(input.id) && !actor.isInstallationAdmin) throw new AppError("forbidden");
  const before = await ctx.c.people.findOne({ _id: input.id });
  if (!before) throw new AppError("not_found", { entity: "person" });
  const now = ctx.now();
  const personId = before._id;
  await ctx.c.people.updateOne(
    { _id: personId },
    {
      $set: {
        name: ERASED_NAME,
        email: `rimossa-${personId.toHexString()}@invalid.tavoli`,
        isInstallationAdmin: false,
        updatedAt: now,
        erasedAt: now,
      },
      // A correction computed before this erasure then fails its revision guard (see updateMe).
      $inc: { revision: 1 },
    },
  );
  // At once: each step is one atomic update per document, and where two touch the same audit entry
  // (the person's own corrections: before/after and actorName) they set different fields.
  const steps: (() => Promise<unknown>)[] = [
    () => eraseSessionsOf(ctx, personId),
    () => eraseLoginLinksOf(ctx, personId),
    // A linked Slack account would go on acting as the person (and get login links by DM).
    () => eraseChatAccountsOf(ctx, personId),
    // A calendar feed URL would keep publishing the person's sittings after erasure.
    () => eraseCalendarFeedsOf(ctx, personId),
    // A browser subscription would go on receiving the person's reminders.
    () => erasePushSubscriptionsOf(ctx, personId),
    // Stored answers to keyed requests may quote the person's data back.
    () => eraseIdempotencyRecordsOf(ctx, personId),
    () => eraseReminderPreferencesOf(ctx, personId),
    // Reminders planned for the person would go on being sent to the erased record.
    () => eraseReminderOccurrencesOf(ctx, personId),
    () => eraseValuesFromAudit(ctx, "reminderPreferences", personId),
    () => revokeApiTokensOf(ctx, personId, now),
    () => eraseAgreementAdminRolesOf(ctx, personId),
    () => eraseFromTableCoordinators(ctx, personId),
    // Designations in force end yesterday; those not yet started are withdrawn: they never took effect.
    () => eraseDesignationsOf(ctx, personId, now),
    () => eraseValuesFromAudit(ctx, "person", personId),
    // Contributions are the organisation's acts: they stay, without the author's name.
    () => eraseAuthorNameFromContributions(ctx, personId, ERASED_NAME),
    // Issue reports too: who raised and who triaged lose the name, the reports stay.
    () => eraseNameFromIssueReports(ctx, personId, ERASED_NAME),
    // Minutes keep the person among the attendees, under the erased name.
    () => eraseFromMinutes(ctx, personId, ERASED_NAME),
    // Work plans keep who drafted, presented, decided and recorded progress: under the erased name.
    () => eraseNameFromWorkPlans(ctx, personId, ERASED_NAME),
    () => eraseActorNameFromAudit(ctx, personId, ERASED_NAME),
  ];
  await Promise.all(steps.map((step) => step()));
  // A person erasing themself must not sign the entry with the name just removed.
  const signer = actor.personId.equals(personId) ? { ...ctx, actor: { ...actor, name: ERASED_NAME } } : ctx;
  await recordChange(signer, {
    action: "person.erased",
    entity: "person",
    entityId: personId,
    agreementId: null,
    before: { erased: false },
    after: { erased: true },
    event: { type: "person.erased", payload: { personId: personId.toHexString() } },
  });
}
