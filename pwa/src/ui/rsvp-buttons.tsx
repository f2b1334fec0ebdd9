import { useState } from "preact/hooks";
import type { Meeting, RsvpAnswer } from "../api/types.ts";
import { forgetCachedMeetings } from "../api/use-api.ts";
import { useAppState } from "../app-context.ts";
import { t } from "../i18n/index.ts";
import { newEntry, write } from "../outbox/index.ts";
import { DelegatePicker } from "./delegate-picker.tsx";

const ANSWERS: RsvpAnswer[] = ["presenza", "remoto", "assente", "delega"];

/** "Presenza", "Da remoto"… in the current language. */
export function answerLabel(answer: string): string {
  const texts = t();
  const key = `answer${answer.charAt(0).toUpperCase()}${answer.slice(1)}` as keyof typeof texts;
  return typeof texts[key] === "string" ? (texts[key] as string) : answer;
}

/**
 * The four answers as toggle buttons, the delegate picker for "delega", and the answer's fate: recorded,
 * waiting to be sent (offline) or refused with the server's reason.
 */
export function RsvpButtons({
  meeting,
  onAnswered,
}: {
  meeting: Meeting;
  onAnswered?: (answer: RsvpAnswer) => void;
}) {
  const texts = t();
  const { outbox, refreshOutbox } = useAppState();
  const [picking, setPicking] = useState(false);
  const [status, setStatus] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const waiting = outbox.find(
    (e) => e.kind === "rsvp" && e.meetingId === meeting.id && e.state === "pending",
  );
  const current = (waiting?.preview?.answer as RsvpAnswer | undefined) ?? meeting.myRsvp?.answer ?? null;
  const closed = meeting.status === "cancelled" || Date.parse(meeting.rsvpDeadline) < Date.now();

  async function answer(value: RsvpAnswer, delegateId?: string) {
    if (value === "delega" && !delegateId) {
      setPicking(true);
      return;
    }
    setBusy(true);
    setStatus(null);
    const entry = newEntry({
      kind: "rsvp",
      label: `${answerLabel(value)} — ${meeting.title}`,
      meetingId: meeting.id,
      requests: [
        {
          method: "PUT",
          path: `/meetings/${meeting.id}/rsvps/me`,
          body: delegateId ? { answer: value, delegateId } : { answer: value },
        },
      ],
      preview: { answer: value },
    });
    const outcome = await write(entry).finally(() => setBusy(false));
    refreshOutbox();
    if (outcome.result === "sent") {
      setPicking(false);
      await forgetCachedMeetings();
      setStatus({ kind: "ok", text: `${texts.saved}: ${answerLabel(value)}` });
      onAnswered?.(value);
    } else if (outcome.result === "queued") {
      setPicking(false);
      setStatus(null);
    } else setStatus({ kind: "error", text: outcome.error.message });
  }

  return (
    <fieldset class="rsvp">
      <legend class="card-meta">
        {texts.rsvp}{" "}
        {waiting ? (
          <span class="badge badge-pending" data-testid="rsvp-pending">
            {texts.pending}
          </span>
        ) : null}
      </legend>
      <div class="btn-row">
        {ANSWERS.map((value) => (
          <button
            type="button"
            class="btn"
            key={value}
            aria-pressed={current === value}
            disabled={closed || busy}
            data-answer={value}
            onClick={() => answer(value)}
          >
            {answerLabel(value)}
          </button>
        ))}
      </div>
      {picking ? <DelegatePicker meetingId={meeting.id} onPick={(id) => answer("delega", id)} /> : null}
      {waiting ? <p class="hint">{texts.pendingHint}</p> : null}
      <p
        role="status"
        class={
          status?.kind === "error" ? "alert alert-danger" : status ? "alert alert-success" : "visually-hidden"
        }
      >
        {status?.text ?? ""}
      </p>
    </fieldset>
  );
}
