import { useEffect } from "preact/hooks";
import type { Meeting } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { formatSlot } from "../format.ts";
import { t } from "../i18n/index.ts";
import { Load } from "../ui/loading.tsx";
import { RsvpButtons } from "../ui/rsvp-buttons.tsx";

/** Le mie riunioni: my upcoming sittings on all my tables, each with my answer and the buttons to give it. */
export function MeetingsScreen() {
  const texts = t();
  const [loaded, reload, replace] = useApi<{ items: Meeting[] }>("/people/me/meetings?limit=50");
  useEffect(() => {
    document.title = `${texts.myMeetings} — Tavoli`;
  }, [texts]);
  return (
    <>
      <h1>{texts.myMeetings}</h1>
      <Load loaded={loaded} retry={reload}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{texts.noMeetings}</p>
          ) : (
            <ul class="list">
              {data.items.map((meeting) => (
                <li key={meeting.id} class="card" data-meeting={meeting.id}>
                  <h2>
                    <a href={`#/meetings/${meeting.id}`}>{meeting.title}</a>
                  </h2>
                  <p class="card-meta">
                    {meeting.tableName} · {formatSlot(meeting.startsAt, meeting.endsAt)}
                  </p>
                  {meeting.status === "cancelled" ? (
                    <p class="badge badge-danger">{texts.cancelled}</p>
                  ) : (
                    <RsvpButtons
                      meeting={meeting}
                      onAnswered={(answer) =>
                        replace({
                          items: data.items.map((m) =>
                            m.id === meeting.id
                              ? {
                                  ...m,
                                  myRsvp: { answer, delegateId: null, answeredAt: new Date().toISOString() },
                                }
                              : m,
                          ),
                        })
                      }
                    />
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Load>
    </>
  );
}
