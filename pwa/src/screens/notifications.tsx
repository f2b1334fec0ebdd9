import { useEffect, useState } from "preact/hooks";
import { ApiError, api } from "../api/client.ts";
import type { ReminderPreferences, SentNotification } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { formatDateTime } from "../format.ts";
import { t } from "../i18n/index.ts";
import { enablePush, type PushState, pushState } from "../push.ts";
import { FormStatus, useFormStatus } from "../ui/form-status.tsx";
import { Load } from "../ui/loading.tsx";

const LEADS = [10080, 1440, 60] as const;

/** Notifiche: push on this device (explained before the browser asks), reminder preferences, what was sent. */
export function NotificationsScreen() {
  const texts = t();
  const [prefs, reloadPrefs, replacePrefs] = useApi<ReminderPreferences>("/people/me/reminder-preferences");
  const [sent, reloadSent] = useApi<{ items: SentNotification[] }>("/people/me/notifications?limit=20");
  useEffect(() => {
    document.title = `${texts.notificationsTitle} — Tavoli`;
  }, [texts]);
  return (
    <>
      <h1>{texts.notificationsTitle}</h1>
      <PushCard />
      <Load loaded={prefs} retry={reloadPrefs}>
        {(p) => <PreferencesForm prefs={p} onSaved={replacePrefs} />}
      </Load>
      <h2>{texts.sentToMe}</h2>
      <Load loaded={sent} retry={reloadSent}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{texts.none}</p>
          ) : (
            <ul class="list">
              {data.items.map((n) => (
                <li class="card" key={n.id}>
                  <h3>
                    <a href={`#/meetings/${n.meetingId}`}>{n.title}</a>
                  </h3>
                  <p class="card-meta">
                    {n.kind === "before"
                      ? texts.kindBefore
                      : n.kind === "confirm"
                        ? texts.kindConfirm
                        : texts.kindCancelled}{" "}
                    · {n.channel} · {formatDateTime(n.sentAt)}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </Load>
    </>
  );
}

function PushCard() {
  const texts = t();
  const [state, setState] = useState<PushState | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    pushState().then(setState, () => setState("unsupported"));
  }, []);
  async function enable() {
    setError(null);
    try {
      setState(await enablePush());
    } catch (e) {
      setError(`${texts.pushFailed}: ${e instanceof ApiError ? e.message : String(e)}`);
    }
  }
  return (
    <section class="card" aria-labelledby="push-title">
      <h2 id="push-title">{texts.pushTitle}</h2>
      {state === "ios-needs-install" ? (
        <div class="alert">
          <h3>{texts.iosTitle}</h3>
          <p>{texts.iosSteps}</p>
        </div>
      ) : null}
      {state === "unsupported" ? <p>{texts.pushUnsupported}</p> : null}
      {state === "denied" ? <p class="alert alert-warning">{texts.pushDenied}</p> : null}
      {state === "on" ? <p class="alert alert-success">{texts.pushOn}</p> : null}
      {state === "off" ? (
        <>
          <p>{texts.pushExplain}</p>
          <button type="button" class="btn btn-primary" onClick={enable}>
            {texts.pushEnable}
          </button>
        </>
      ) : null}
      {error ? (
        <p class="alert alert-danger" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}

function PreferencesForm({
  prefs,
  onSaved,
}: {
  prefs: ReminderPreferences;
  onSaved: (p: ReminderPreferences) => void;
}) {
  const texts = t();
  const [draft, setDraft] = useState(prefs);
  const [followTables, setFollowTables] = useState(prefs.leadMinutesFrom === "tables");
  const [status, setStatus] = useFormStatus();
  const leadLabel = (lead: number) =>
    (texts as unknown as Record<string, string>)[`lead${lead}`] ?? `${lead} min`;
  const leads = [...new Set([...LEADS, ...prefs.leadMinutes])].sort((a, b) => b - a);
  async function save(event: Event) {
    event.preventDefault();
    try {
      const saved = await api<ReminderPreferences>("PUT", "/people/me/reminder-preferences", {
        body: {
          // null: each table's lead times, so a table's choice keeps applying after other changes.
          leadMinutes: followTables ? null : draft.leadMinutes,
          channels: draft.channels,
          paused: draft.paused,
          quietHours: draft.quietHours,
        },
      });
      onSaved(saved);
      setStatus({ ok: true, text: texts.savedPrefs });
    } catch (e) {
      setStatus({ ok: false, text: e instanceof ApiError ? e.message : texts.offline });
    }
  }
  return (
    <form class="card" onSubmit={save}>
      <h2>{texts.preferences}</h2>
      <fieldset>
        <legend>{texts.leadTimes}</legend>
        <label class="check">
          <input
            type="checkbox"
            checked={followTables}
            onChange={(e) => setFollowTables((e.target as HTMLInputElement).checked)}
          />
          {texts.followTables}
        </label>
        {/* Following the tables, their own lists apply: the product default is not shown as if it were mine. */}
        {followTables
          ? null
          : leads.map((lead) => (
              <label class="check" key={lead}>
                <input
                  type="checkbox"
                  checked={draft.leadMinutes.includes(lead)}
                  onChange={(e) => {
                    const on = (e.target as HTMLInputElement).checked;
                    setDraft({
                      ...draft,
                      leadMinutes: on
                        ? [...draft.leadMinutes, lead]
                        : draft.leadMinutes.filter((l) => l !== lead),
                    });
                  }}
                />
                {leadLabel(lead)}
              </label>
            ))}
      </fieldset>
      <fieldset>
        <legend>{texts.channels}</legend>
        {(["email", "slack", "push"] as const).map((channel) => (
          <label class="check" key={channel}>
            <input
              type="checkbox"
              checked={draft.channels[channel]}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  channels: { ...draft.channels, [channel]: (e.target as HTMLInputElement).checked },
                })
              }
            />
            {channel === "email"
              ? texts.channelEmail
              : channel === "slack"
                ? texts.channelSlack
                : texts.channelPush}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{texts.quietHours}</legend>
        <label class="check">
          <input
            type="checkbox"
            checked={draft.quietHours !== null}
            onChange={(e) =>
              setDraft({
                ...draft,
                quietHours: (e.target as HTMLInputElement).checked ? { from: "22:00", to: "07:00" } : null,
              })
            }
          />
          {texts.quietOn}
        </label>
        {draft.quietHours ? (
          <div class="quiet-hours">
            {(["from", "to"] as const).map((edge) => (
              <label key={edge}>
                {edge === "from" ? texts.quietFrom : texts.quietTo}
                <input
                  type="time"
                  name={`quiet-${edge}`}
                  value={draft.quietHours?.[edge]}
                  onChange={(e) => {
                    const value = (e.target as HTMLInputElement).value;
                    if (draft.quietHours)
                      setDraft({ ...draft, quietHours: { ...draft.quietHours, [edge]: value } });
                  }}
                />
              </label>
            ))}
          </div>
        ) : null}
      </fieldset>
      <label class="check">
        <input
          type="checkbox"
          checked={draft.paused}
          onChange={(e) => setDraft({ ...draft, paused: (e.target as HTMLInputElement).checked })}
        />
        {texts.paused}
      </label>
      <button type="submit" class="btn btn-primary">
        {texts.save}
      </button>
      <FormStatus status={status} />
    </form>
  );
}
