import { useState } from "preact/hooks";
import { ApiError, api } from "../api/client.ts";
import { t } from "../i18n/index.ts";

/** The sitting's .ics, and my personal feed's address (made on request: it is a revocable secret). */
export function CalendarLinks({ meetingId }: { meetingId: string }) {
  const texts = t();
  const [feed, setFeed] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function subscribe() {
    try {
      setFeed((await api<{ url: string }>("POST", "/people/me/calendar-feed")).url);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : texts.offline);
    }
  }
  return (
    <div class="btn-row">
      <a class="btn" href={`/api/v1/meetings/${meetingId}/invite.ics`} download>
        {texts.addToCalendar}
      </a>
      <button type="button" class="btn" onClick={subscribe}>
        {texts.subscribeFeed}
      </button>
      {feed ? (
        <p class="alert">
          {texts.feedReady} <a href={feed.replace(/^https?:/, "webcal:")}>{feed}</a>
        </p>
      ) : null}
      {error ? <p class="alert alert-danger">{error}</p> : null}
    </div>
  );
}
