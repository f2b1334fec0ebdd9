import { ObjectId } from "mongodb";
import { channelsOfTable } from "../../../server/src/chat/index.ts";
import type { PayloadOf } from "../../../server/src/index.ts";
import { meetingHeadline } from "../../../server/src/meetings/index.ts";
import { noticeNames } from "../../../server/src/notifications/index.ts";
import { escapeMrkdwn } from "../blocks/format.ts";
import type { BotDeps } from "../deps.ts";
import { TEXT } from "../i18n.ts";
import { everyStep, postOnce } from "./once.ts";

/**
 * Posts one line to every channel linked to the table (channels are addressed in Italian), once per
 * channel for the event `eventKey` names, however often it is delivered.
 */
export async function postToTable(
  deps: BotDeps,
  input: { tableId: ObjectId; text: string; eventKey: string },
): Promise<void> {
  const channels = await channelsOfTable({ ctx: deps.system(), input: { tableId: input.tableId } });
  await everyStep(
    channels.map(
      (channel) => () =>
        postOnce(deps, {
          key: `${input.eventKey}:table:${channel.teamId}:${channel.channelId}`,
          teamId: channel.teamId,
          message: { channel: channel.channelId, text: input.text },
        }),
    ),
  );
}

const organisationName = async (deps: BotDeps, hex: string) => {
  const names = await noticeNames({ ctx: deps.system(), input: { organisationIds: [new ObjectId(hex)] } });
  return escapeMrkdwn(names.get(hex) ?? "?");
};

/** Text of a title the event carried, or null when it was confidential (the event then has none). */
const titleOf = (payload: { confidential: true } | { confidential: false; title: string }) =>
  payload.confidential ? null : escapeMrkdwn(payload.title);

/** `issue_report.raised`: the table sees that an organisation raised a problem (DOMAIN rule 8). */
export async function announceIssueReport(
  deps: BotDeps,
  payload: PayloadOf<"issue_report.raised">,
  eventKey: string,
): Promise<void> {
  const tableId = new ObjectId(payload.tableId);
  const org = await organisationName(deps, payload.organisationId);
  const text = TEXT.it.issueRaised(payload.seq, org, payload.severity, titleOf(payload));
  await postToTable(deps, { tableId, text, eventKey });
}

/** `contribution.logged`: what an organisation brought to the table. */
export async function announceContribution(
  deps: BotDeps,
  payload: PayloadOf<"contribution.logged">,
  eventKey: string,
): Promise<void> {
  const tableId = new ObjectId(payload.tableId);
  const org = await organisationName(deps, payload.organisationId);
  const kind = TEXT.it.kinds[payload.kind] ?? payload.kind;
  const text = TEXT.it.contributionLogged(org, kind, titleOf(payload));
  await postToTable(deps, { tableId, text, eventKey });
}

/** `minutes.approved`: approved minutes are shared with the members (DOMAIN rule 6), by link. */
export async function announceMinutesApproved(
  deps: BotDeps,
  payload: PayloadOf<"minutes.approved">,
  eventKey: string,
): Promise<void> {
  const meetingId = new ObjectId(payload.meetingId);
  const meeting = await meetingHeadline({ ctx: deps.system(), input: { id: meetingId } });
  if (!meeting) return;
  const url = `${deps.config.publicUrl}/api/v1/meetings/${meetingId.toHexString()}/minutes.md`;
  const text = TEXT.it.minutesApproved(
    escapeMrkdwn(meeting.title),
    payload.decisions,
    payload.actionItems,
    url,
  );
  await postToTable(deps, { tableId: meeting.tableId, text, eventKey });
}
