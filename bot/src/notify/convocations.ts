import { ObjectId } from "mongodb";
import { channelsOfTable } from "../../../server/src/chat/index.ts";
import { isDuplicateKey } from "../../../server/src/index.ts";
import { describeSlot, meetingNoticeViews } from "../../../server/src/meetings/index.ts";
import { convocationMessage } from "../blocks/convocation.ts";
import type { BotDeps } from "../deps.ts";
import { TEXT } from "../i18n.ts";
import { slackAccountsOf } from "../identity/reach.ts";
import { everyStep, postOnce } from "./once.ts";

const systemCtx = (deps: BotDeps) => deps.system();
const meetingUrlBase = (deps: BotDeps) => deps.config.publicUrl;

/**
 * A new sitting: the convocation goes to every channel linked to the table, in Italian, with the
 * public view only. With no linked channel, the people convened who use Slack get it privately.
 * Once per channel: a channel that already has the sitting's convocation (`slackMessages`, recorded right
 * after the post) is skipped, so a repeated delivery of `meeting.convened` (`eventKey`) posts nothing new.
 */
export async function postConvocation(deps: BotDeps, meetingId: ObjectId, eventKey: string): Promise<void> {
  const views = await meetingNoticeViews({ ctx: systemCtx(deps), input: { id: meetingId } });
  const channels = await channelsOfTable({ ctx: systemCtx(deps), input: { tableId: views.meeting.tableId } });
  if (channels.length === 0) {
    const people = { personIds: views.convenedPersonIds, tableId: views.meeting.tableId };
    await directMessages(deps, { ...people, key: `${eventKey}:convocation` }, (lang) =>
      convocationMessage({
        meeting: views.convenedView,
        counts: views.counts,
        lang,
        publicUrl: meetingUrlBase(deps),
      }),
    );
    return;
  }
  const message = convocationMessage({
    meeting: views.publicView,
    counts: views.counts,
    lang: "it",
    publicUrl: meetingUrlBase(deps),
  });
  await everyStep(
    channels.map((channel) => async () => {
      const where = { meetingId, teamId: channel.teamId, channelId: channel.channelId };
      if (await deps.store.messages.findOne(where, { projection: { _id: 1 } })) return;
      const client = await deps.clientFor(channel.teamId);
      if (!client) return;
      const posted = await client.chat.postMessage({ channel: channel.channelId, ...message });
      if (!posted.ts) return;
      await deps.store.messages
        .insertOne({ _id: new ObjectId(), ...where, ts: posted.ts, postedAt: deps.now() })
        .catch((error) => {
          if (!isDuplicateKey(error)) throw error;
        });
    }),
  );
}

/**
 * Re-renders every posted convocation of a sitting (answers arrived, or it changed): `chat.update` with
 * what is true now, so repeating it is harmless.
 */
export async function refreshConvocations(deps: BotDeps, meetingId: ObjectId) {
  const posts = await deps.store.messages.find({ meetingId }).toArray();
  if (posts.length === 0) return null;
  const views = await meetingNoticeViews({ ctx: systemCtx(deps), input: { id: meetingId } });
  const message = convocationMessage({
    meeting: views.publicView,
    counts: views.counts,
    lang: "it",
    publicUrl: meetingUrlBase(deps),
  });
  await everyStep(
    posts.map((post) => async () => {
      const client = await deps.clientFor(post.teamId);
      await client?.chat.update({ channel: post.channelId, ts: post.ts, ...message });
    }),
  );
  return { posts, views };
}

export type ChangeKind = "rescheduled" | "cancelled" | "updated";

/**
 * A rescheduled, cancelled or updated sitting: the original convocation is edited, a reply in its
 * thread says what changed, and everyone convened before or after the change hears it privately. The
 * edit is harmless to repeat; the reply and the messages are posted once per event (`eventKey`).
 */
export async function announceChange(
  deps: BotDeps,
  input: {
    meetingId: ObjectId;
    kind: ChangeKind;
    convenedPersonIds: ObjectId[];
    reason: string | null;
    eventKey: string;
  },
): Promise<void> {
  const refreshed = await refreshConvocations(deps, input.meetingId);
  const views =
    refreshed?.views ?? (await meetingNoticeViews({ ctx: systemCtx(deps), input: { id: input.meetingId } }));
  const what = (lang: "it" | "en") => {
    const t = TEXT[lang];
    if (input.kind === "cancelled") return t.cancelledNotice(input.reason);
    if (input.kind === "rescheduled")
      return t.rescheduled(describeSlot(views.meeting.startsAt, views.meeting.endsAt, lang));
    return t.updated;
  };
  const people = {
    personIds: input.convenedPersonIds,
    tableId: views.meeting.tableId,
    key: `${input.eventKey}:change`,
  };
  await everyStep([
    ...(refreshed?.posts ?? []).map(
      (post) => () =>
        postOnce(deps, {
          key: `${input.eventKey}:thread:${post.teamId}:${post.channelId}`,
          teamId: post.teamId,
          message: { channel: post.channelId, thread_ts: post.ts, text: what("it") },
        }),
    ),
    () =>
      directMessages(deps, people, (lang) => ({
        text: TEXT[lang].dmChange(views.meeting.title, what(lang)),
      })),
  ]);
}

/** A private message to each person convened who is on Slack, in their language; once per `key` and person. */
export async function directMessages(
  deps: BotDeps,
  input: { personIds: ObjectId[]; tableId: ObjectId; key: string },
  build: (lang: "it" | "en") => { text: string; blocks?: unknown[] },
): Promise<void> {
  const accounts = await slackAccountsOf(deps, input.personIds, input.tableId);
  await everyStep(
    accounts.map(
      ({ link, lang }) =>
        () =>
          postOnce(deps, {
            key: `${input.key}:dm:${link.teamId}:${link.personId.toHexString()}`,
            teamId: link.teamId,
            message: { channel: link.userId, ...build(lang) } as never,
          }),
    ),
  );
}
