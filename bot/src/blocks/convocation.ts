import { describeSlot } from "../../../server/src/meetings/index.ts";
import { type Counts, type Lang, modeLabel, TEXT } from "../i18n.ts";
import { ACTION } from "../ids.ts";
import { button, context, escapeMrkdwn, header, type MeetingView, section, shortCode } from "./format.ts";

/**
 * The convocation as posted to a table's channel or sent in a DM. What it shows depends only on the
 * view it gets: a channel gets the public view (no video link, no confidential item, "dettagli
 * riservati: apri Tavoli" in their place); a DM to a convened person gets theirs.
 */
export function convocationMessage(input: {
  meeting: MeetingView;
  counts: Counts;
  lang: Lang;
  publicUrl: string;
}) {
  const { meeting, counts, lang, publicUrl } = input;
  const t = TEXT[lang];
  const when = describeSlot(new Date(meeting.startsAt), new Date(meeting.endsAt), lang);
  const cancelled = meeting.status === "cancelled";
  const title = `${cancelled ? `${t.cancelled} · ` : ""}${meeting.title}`;
  const facts = [
    `*${t.when}:* ${cancelled ? `~${when}~` : when}`,
    `*${t.mode}:* ${modeLabel(meeting.mode, lang)}`,
    ...(meeting.place
      ? [
          `*${t.place}:* ${escapeMrkdwn([meeting.place.address, meeting.place.room].filter(Boolean).join(", "))}`,
        ]
      : []),
  ];
  const agenda = meeting.agenda.map((item) => `${item.position}. ${escapeMrkdwn(item.title)}`);
  const reserved = [
    ...(meeting.hiddenAgendaItems > 0 ? [t.reservedItems(meeting.hiddenAgendaItems)] : []),
    ...(meeting.videoLinkHidden ? [t.reserved] : []),
  ];
  // The web app routes this fragment; until it ships, the link opens Tavoli's home page.
  const meetingUrl = `${publicUrl}/#/meetings/${meeting.id}`;
  const actions = cancelled
    ? [button({ text: t.openTavoli, actionId: ACTION.openTavoli, url: meetingUrl })]
    : [
        button({ text: t.attend, actionId: ACTION.rsvpPresenza, value: meeting.id, style: "primary" }),
        button({ text: t.remote, actionId: ACTION.rsvpRemoto, value: meeting.id }),
        button({ text: t.absent, actionId: ACTION.rsvpAssente, value: meeting.id }),
        ...(meeting.mode !== "in_presenza"
          ? [
              meeting.videoLink
                ? button({ text: t.join, actionId: ACTION.openVideo, url: meeting.videoLink.url })
                : button({ text: t.join, actionId: ACTION.join, value: meeting.id }),
            ]
          : []),
        button({ text: t.openTavoli, actionId: ACTION.openTavoli, url: meetingUrl }),
      ];
  const blocks = [
    header(title),
    context(`${escapeMrkdwn(t.convocation(meeting.tableName))} · ${t.code} \`${shortCode(meeting.id)}\``),
    section(facts.join("\n")),
    section(`*${t.agenda}*\n${agenda.length > 0 ? agenda.join("\n") : t.noAgenda}`),
    ...(reserved.length > 0 ? [context(`:lock: ${reserved.join(" ")}`)] : []),
    { type: "actions", block_id: `meeting_${meeting.id}`, elements: actions },
    context(t.counts(counts)),
  ];
  // The fallback text is mrkdwn (notifications): a title such as "<!channel>" must not ping anyone.
  return { text: `${escapeMrkdwn(title)} — ${when}`, blocks };
}
