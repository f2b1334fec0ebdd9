import { useEffect } from "preact/hooks";
import type { Meeting } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { formatDateTime, formatSlot } from "../format.ts";
import { t } from "../i18n/index.ts";
import { CalendarLinks } from "../ui/calendar-links.tsx";
import { CheckIn } from "../ui/check-in.tsx";
import { Load } from "../ui/loading.tsx";
import { RsvpButtons } from "../ui/rsvp-buttons.tsx";
import { RsvpSummary } from "../ui/rsvp-summary.tsx";

function modeLabel(mode: Meeting["mode"]): string {
  const texts = t();
  return mode === "in_presenza"
    ? texts.modeIn_presenza
    : mode === "online"
      ? texts.modeOnline
      : texts.modeIbrida;
}

/** One sitting: time, place with a map link, the call, the agenda, my answer, who is coming, check-in. */
export function MeetingScreen({ id }: { id: string }) {
  const texts = t();
  const [loaded, reload, replace] = useApi<Meeting>(`/meetings/${id}`);
  useEffect(() => {
    if (loaded.state === "ready") document.title = `${loaded.data.title} — Tavoli`;
  }, [loaded]);
  return (
    <Load loaded={loaded} retry={reload}>
      {(meeting) => (
        <article>
          <p class="card-meta">
            <a href="#/meetings">{texts.back}</a>
          </p>
          <h1>{meeting.title}</h1>
          <p class="card-meta">{meeting.tableName}</p>
          {meeting.status === "cancelled" ? <p class="alert alert-danger">{texts.cancelled}</p> : null}
          <dl class="facts">
            <dt>{texts.when}</dt>
            <dd>{formatSlot(meeting.startsAt, meeting.endsAt)}</dd>
            <dt>{texts.mode}</dt>
            <dd>{modeLabel(meeting.mode)}</dd>
            {meeting.place ? (
              <>
                <dt>{texts.where}</dt>
                <dd>
                  {meeting.place.address}
                  {meeting.place.room ? `, ${meeting.place.room}` : ""} ·{" "}
                  <a
                    href={`https://www.openstreetmap.org/search?query=${encodeURIComponent(meeting.place.address)}`}
                    rel="noopener"
                    target="_blank"
                  >
                    {texts.mapLink}
                  </a>
                </dd>
              </>
            ) : null}
            <dt>{texts.deadline}</dt>
            <dd>{formatDateTime(meeting.rsvpDeadline)}</dd>
          </dl>
          {meeting.videoLink ? (
            <p>
              <a class="btn btn-primary" href={meeting.videoLink.url} rel="noopener" target="_blank">
                {texts.joinCall}
              </a>
            </p>
          ) : null}
          {meeting.status !== "cancelled" && meeting.viewer.convened ? (
            <section class="card" aria-label={texts.myAnswer}>
              <RsvpButtons
                meeting={meeting}
                onAnswered={(answer) =>
                  replace({
                    ...meeting,
                    myRsvp: { answer, delegateId: null, answeredAt: new Date().toISOString() },
                  })
                }
              />
            </section>
          ) : null}
          <CalendarLinks meetingId={meeting.id} />
          <h2>{texts.agenda}</h2>
          <ol>
            {meeting.agenda.map((item) => (
              <li key={item.id}>
                {item.title}
                {item.confidential ? <span class="badge"> {texts.confidential}</span> : null}
                {item.presenter ? <span class="hint"> — {item.presenter}</span> : null}
              </li>
            ))}
          </ol>
          {meeting.hiddenAgendaItems > 0 ? (
            <p class="hint">{texts.hiddenItems(meeting.hiddenAgendaItems)}</p>
          ) : null}
          <RsvpSummary meeting={meeting} />
          {meeting.status !== "cancelled" ? <CheckIn meeting={meeting} /> : null}
          <p>
            <a href={`#/minutes/${meeting.id}`}>{texts.minutesOf}</a>
          </p>
        </article>
      )}
    </Load>
  );
}
