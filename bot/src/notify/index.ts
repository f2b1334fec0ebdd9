import { ObjectId } from "mongodb";
import type { DomainEvent } from "../../../server/src/index.ts";
import { backgroundQueue } from "../../../server/src/notifications/index.ts";
import type { BotDeps } from "../deps.ts";
import { announceChange, type ChangeKind, postConvocation, refreshConvocations } from "./convocations.ts";
import { announceSubstitution } from "./substitution.ts";
import { announceContribution, announceIssueReport, announceMinutesApproved } from "./table-notices.ts";

const CHANGES: Record<string, ChangeKind> = {
  "meeting.rescheduled": "rescheduled",
  "meeting.cancelled": "cancelled",
  "meeting.updated": "updated",
};

/**
 * The bot reacts to domain events; the meetings code does not know Slack exists. Work runs on a
 * background queue so the use case that emitted never waits for Slack; answers to one sitting that
 * arrive together are coalesced into one `chat.update` with the latest counts.
 */
export function subscribeSlackNotices(deps: BotDeps): void {
  const enqueue = backgroundQueue("slack");
  const refreshing = new Set<string>();
  const id = (event: DomainEvent, key: string) => new ObjectId(String(event.payload[key]));

  deps.bus.on("meeting.convened", (event) => {
    enqueue(() => postConvocation(deps, id(event, "meetingId")));
  });
  deps.bus.on("rsvp.answered", (event) => {
    const meetingId = String(event.payload.meetingId);
    if (refreshing.has(meetingId)) return;
    refreshing.add(meetingId);
    enqueue(async () => {
      refreshing.delete(meetingId);
      await refreshConvocations(deps, new ObjectId(meetingId));
    });
  });
  for (const [type, kind] of Object.entries(CHANGES)) {
    deps.bus.on(type, (event) => {
      const convened = (event.payload.convenedPersonIds as string[] | undefined) ?? [];
      enqueue(() =>
        announceChange(deps, {
          meetingId: id(event, "meetingId"),
          kind,
          convenedPersonIds: convened.map((hex) => new ObjectId(hex)),
          reason: typeof event.payload.reason === "string" ? event.payload.reason : null,
        }),
      );
    });
  }
  deps.bus.on("issue_report.raised", (event) => {
    enqueue(() => announceIssueReport(deps, event.payload));
  });
  deps.bus.on("contribution.logged", (event) => {
    enqueue(() => announceContribution(deps, event.payload));
  });
  deps.bus.on("minutes.approved", (event) => {
    enqueue(() => announceMinutesApproved(deps, event.payload));
  });
  deps.bus.on("referent.substituted", (event) => {
    enqueue(() => announceSubstitution(deps, event.payload as never));
  });
}
