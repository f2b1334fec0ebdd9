import { useEffect, useMemo } from "preact/hooks";
import type { Meeting, Minutes } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { useAppState } from "../app-context.ts";
import { formatDate, formatDateTime } from "../format.ts";
import { t } from "../i18n/index.ts";
import { Load } from "../ui/loading.tsx";

function statusLabel(status: Minutes["status"]): string {
  const texts = t();
  return status === "approvato"
    ? texts.minutesStatusApprovato
    : status === "bozza"
      ? texts.minutesStatusBozza
      : texts.minutesStatusIn_revisione;
}

/** Verbali: my sittings of the past year, each opening its minutes. */
export function MinutesListScreen() {
  const texts = t();
  const from = useMemo(() => new Date(Date.now() - 365 * 86_400_000).toISOString(), []);
  const [loaded, reload] = useApi<{ items: Meeting[] }>(
    `/people/me/meetings?from=${encodeURIComponent(from)}&limit=100`,
  );
  useEffect(() => {
    document.title = `${texts.minutesTitle} — Tavoli`;
  }, [texts]);
  return (
    <>
      <h1>{texts.minutesTitle}</h1>
      <Load loaded={loaded} retry={reload}>
        {(data) => {
          const past = data.items.filter((m) => Date.parse(m.startsAt) < Date.now()).reverse();
          return past.length === 0 ? (
            <p>{texts.minutesNone}</p>
          ) : (
            <ul class="list">
              {past.map((m) => (
                <li class="card" key={m.id}>
                  <h2>
                    <a href={`#/minutes/${m.id}`}>{m.title}</a>
                  </h2>
                  <p class="card-meta">
                    {m.tableName} · {formatDate(m.startsAt)}
                  </p>
                </li>
              ))}
            </ul>
          );
        }}
      </Load>
    </>
  );
}

/** One sitting's minutes: attendees, summaries, decisions, action items (mine first). */
export function MinutesScreen({ meetingId }: { meetingId: string }) {
  const texts = t();
  const { session } = useAppState();
  const [loaded, reload] = useApi<Minutes>(`/meetings/${meetingId}/minutes`);
  if (loaded.state === "error" && !loaded.offline)
    return (
      <>
        <h1>{texts.minutesOf}</h1>
        <p>{texts.minutesNone}</p>
      </>
    );
  return (
    <Load loaded={loaded} retry={reload}>
      {(m) => {
        const mine = m.actionItems.filter((a) => a.who.personId === session.person.id);
        return (
          <article>
            <h1>
              {texts.minutesOf}: {m.meeting.title}
            </h1>
            <p class="card-meta">
              {m.meeting.tableName} · {formatDateTime(m.meeting.startsAt)} ·{" "}
              <span class="badge">{statusLabel(m.status)}</span>
            </p>
            {mine.length > 0 ? (
              <section class="card">
                <h2>{texts.myActions}</h2>
                <ul>
                  {mine.map((a) => (
                    <li key={a.what}>
                      {a.what}
                      {a.due ? ` — ${texts.due} ${formatDate(a.due)}` : ""}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <h2>{texts.attendees}</h2>
            <ul>
              {m.attendees.map((a) => (
                <li key={a.name}>
                  {a.name}
                  {a.organisationName ? ` (${a.organisationName})` : ""}
                </li>
              ))}
            </ul>
            {m.items.map((item) => (
              <section key={item.agendaItemId}>
                <h2>
                  {item.position}. {item.title}
                </h2>
                <p>{item.summary}</p>
              </section>
            ))}
            {m.hiddenItems > 0 ? <p class="hint">{texts.hiddenItems(m.hiddenItems)}</p> : null}
            <h2>{texts.decisions}</h2>
            <ul>
              {m.decisions.map((d) => (
                <li key={d.text}>{d.text}</li>
              ))}
            </ul>
            <h2>{texts.actionItems}</h2>
            <ul>
              {m.actionItems.map((a) => (
                <li key={a.what}>
                  {a.what} — {a.who.text}
                  {a.due ? `, ${texts.due} ${formatDate(a.due)}` : ""}
                </li>
              ))}
            </ul>
          </article>
        );
      }}
    </Load>
  );
}
