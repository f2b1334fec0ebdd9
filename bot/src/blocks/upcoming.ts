import { describeSlot } from "../../../server/src/meetings/index.ts";
import type { RsvpAnswer } from "../../../server/src/rsvps/index.ts";
import { answerLabel, type Lang, modeLabel, TEXT } from "../i18n.ts";
import { ACTION } from "../ids.ts";
import { button, divider, escapeMrkdwn, header, type MeetingView, section, shortCode } from "./format.ts";

export type UpcomingMeeting = MeetingView & { myRsvp: { answer: RsvpAnswer } | null };

/** `/tavoli prossime`: each sitting with its code, my answer and the RSVP buttons. */
export function upcomingMessage(meetings: UpcomingMeeting[], lang: Lang) {
  const t = TEXT[lang];
  if (meetings.length === 0) return { response_type: "ephemeral" as const, text: t.noMeetings };
  const blocks: unknown[] = [header(t.upcomingTitle)];
  for (const meeting of meetings) {
    const when = describeSlot(new Date(meeting.startsAt), new Date(meeting.endsAt), lang);
    const cancelled = meeting.status === "cancelled";
    const answer = meeting.myRsvp ? answerLabel(meeting.myRsvp.answer, lang) : t.noAnswer;
    blocks.push(
      divider,
      section(
        [
          `*${escapeMrkdwn(meeting.title)}*${cancelled ? ` — *${t.cancelled}*` : ""}`,
          `${escapeMrkdwn(meeting.tableName)} · ${when} · ${modeLabel(meeting.mode, lang)}`,
          `${t.yourAnswer}: ${answer} · ${t.code} \`${shortCode(meeting.id)}\``,
        ].join("\n"),
      ),
    );
    if (!cancelled) {
      blocks.push({
        type: "actions",
        block_id: `rsvp_${meeting.id}`,
        elements: [
          button({ text: t.attend, actionId: ACTION.rsvpPresenza, value: meeting.id, style: "primary" }),
          button({ text: t.remote, actionId: ACTION.rsvpRemoto, value: meeting.id }),
          button({ text: t.absent, actionId: ACTION.rsvpAssente, value: meeting.id }),
        ],
      });
    }
  }
  // Slack allows 50 blocks per message: at most 10 sittings × 3 blocks + the header.
  return { response_type: "ephemeral" as const, text: t.upcomingTitle, blocks };
}
