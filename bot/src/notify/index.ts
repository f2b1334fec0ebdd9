import { ObjectId } from "mongodb";
import { type DispatchSubscriber, defineSubscriber } from "../../../server/src/dispatch/index.ts";
import type { BotDeps } from "../deps.ts";
import { coalesced } from "./coalesce.ts";
import { announceChange, type ChangeKind, postConvocation, refreshConvocations } from "./convocations.ts";
import { announceProposalAddressed } from "./proposals.ts";
import { announceSubstitution } from "./substitution.ts";
import { announceContribution, announceIssueReport, announceMinutesApproved } from "./table-notices.ts";

const CHANGES = {
  "meeting.rescheduled": "rescheduled",
  "meeting.cancelled": "cancelled",
  "meeting.updated": "updated",
} as const satisfies Record<string, ChangeKind>;

/**
 * The bot's reactions to domain events, as durable subscribers (main.ts hands them to the dispatcher
 * beside the server's): the meetings code does not know Slack exists, the use case that emitted never
 * waits for Slack, and a Slack outage or a crash delays a notice instead of losing it. Each is idempotent,
 * as the dispatcher's at-least-once delivery asks: convocations once per channel (`slackMessages`), every
 * other post once per event and place (`slackSent`, notify/once.ts), count edits harmless to repeat.
 * A sitting's events reach `slack-meetings` in their order (one stream per sitting), so a change is
 * announced after its convocation was posted.
 */
export function slackSubscribers(deps: BotDeps): DispatchSubscriber[] {
  // Answers to one sitting arriving together share a refresh that started after them (notify/coalesce.ts).
  const refresh = coalesced(async (meetingId) => {
    await refreshConvocations(deps, new ObjectId(meetingId));
  });
  return [
    defineSubscriber({
      name: "slack-meetings",
      types: ["meeting.convened", "meeting.rescheduled", "meeting.cancelled", "meeting.updated"],
      async handle(event) {
        const meetingId = new ObjectId(event.payload.meetingId);
        const eventKey = event.id.toHexString();
        if (event.type === "meeting.convened") return postConvocation(deps, meetingId, eventKey);
        await announceChange(deps, {
          meetingId,
          kind: CHANGES[event.type],
          convenedPersonIds: event.payload.convenedPersonIds.map((hex) => new ObjectId(hex)),
          reason: event.payload.reason ?? null,
          eventKey,
        });
      },
    }),
    defineSubscriber({
      name: "slack-rsvp-counts",
      types: ["rsvp.answered"],
      async handle(event) {
        await refresh(event.payload.meetingId);
      },
    }),
    defineSubscriber({
      name: "slack-table-notices",
      types: ["issue_report.raised", "contribution.logged", "minutes.approved", "referent.substituted"],
      async handle(event) {
        const eventKey = event.id.toHexString();
        if (event.type === "issue_report.raised") return announceIssueReport(deps, event.payload, eventKey);
        if (event.type === "contribution.logged") return announceContribution(deps, event.payload, eventKey);
        if (event.type === "minutes.approved") return announceMinutesApproved(deps, event.payload, eventKey);
        await announceSubstitution(deps, event.payload, eventKey);
      },
    }),
    defineSubscriber({
      name: "slack-proposals",
      types: ["proposal.addressed"],
      async handle(event) {
        await announceProposalAddressed(deps, event.payload, event.id.toHexString());
      },
    }),
  ];
}
